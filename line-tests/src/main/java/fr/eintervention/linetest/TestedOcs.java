package fr.eintervention.linetest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * To whom a test was relayed and which OCs present cannot be tested, as the OI's answer to the
 * M3TX says it in its {@code description} (decision 0035), e.g.
 * {@code Test 1 transmis a OC01 OC02 ; non testables (v1) : OC03}. The OI writes it, the
 * technician's app reads it: one format, here.
 */
public record TestedOcs(int numeroTest, List<String> relayedTo, List<String> untestable) {

    private static final Pattern FORMAT = Pattern.compile(
            "Test (\\d+) (?:transmis a ([A-Za-z0-9 ]+?)|: aucun OC testable)(?: ; non testables \\(v1\\) : ([A-Za-z0-9 ]+))?");

    public TestedOcs {
        relayedTo = List.copyOf(relayedTo);
        untestable = List.copyOf(untestable);
    }

    /** The description of R-M3TX (at most 200 characters, the contract's bound: a PM hosts a handful of OCs). */
    public String description() {
        StringBuilder text = new StringBuilder("Test ").append(numeroTest);
        text.append(relayedTo.isEmpty() ? " : aucun OC testable" : " transmis a " + String.join(" ", relayedTo));
        if (!untestable.isEmpty()) {
            text.append(" ; non testables (v1) : ").append(String.join(" ", untestable));
        }
        return text.toString();
    }

    /** Reads a description written by {@link #description()}; empty for any other text. */
    public static Optional<TestedOcs> parse(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(description.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TestedOcs(Integer.parseInt(matcher.group(1)), codes(matcher.group(2)), codes(matcher.group(3))));
    }

    private static List<String> codes(String group) {
        List<String> codes = new ArrayList<>();
        if (group != null) {
            for (String code : group.trim().split(" +")) {
                codes.add(code);
            }
        }
        return codes;
    }
}
