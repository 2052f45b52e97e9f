package fr.eintervention.dogateway.intervention;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.v1.Answer;
import fr.eintervention.web.InvalidInput;

/**
 * What is wrong with one request, field by field: the first fault found for a field is kept,
 * with the answer the OI would give for it (none for the DO's own rules).
 */
final class Errors {

    private record Entry(Fault error, Answer answer) {
    }

    private final Map<String, Entry> byField = new LinkedHashMap<>();

    /** A fault of the DO's own rules (the OI would not see it). */
    void add(String field, String reason) {
        add(field, reason, null);
    }

    /** A fault the OI would refuse with that answer (CHAMPS_NON_RENSEIGNE, MAUVAIS_FORMAT). */
    void add(String field, String reason, Answer answer) {
        byField.putIfAbsent(field, new Entry(Fault.of(field, reason), answer));
    }

    /**
     * The OI's answer to the faults kept, in the protocol's order: a missing field before a
     * bad format; {@code null} when only the DO's own rules refuse.
     */
    Answer protocolAnswer() {
        if (byField.values().stream().anyMatch(entry -> entry.answer() == Answer.CHAMPS_NON_RENSEIGNE)) {
            return Answer.CHAMPS_NON_RENSEIGNE;
        }
        return byField.values().stream().map(Entry::answer).filter(answer -> answer != null).findFirst().orElse(null);
    }

    void throwIfAny() {
        if (!byField.isEmpty()) {
            InvalidInput invalid = new InvalidInput(byField.values().stream().map(Entry::error).toList());
            Answer answer = protocolAnswer();
            // what the OI would have answered, when it would have seen the fault
            throw answer == null ? invalid : invalid.with("protocolAnswer", answer.name());
        }
    }
}
