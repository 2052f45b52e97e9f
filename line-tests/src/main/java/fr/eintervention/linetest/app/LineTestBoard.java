package fr.eintervention.linetest.app;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fr.eintervention.linetest.M6tx;
import fr.eintervention.linetest.TestedOcs;

/**
 * The line tests of one intervention as the technician's app shows them: per test, per OC,
 * waiting or what it answered, and one summary line ("aucun client coupé" only when every OC
 * present answered with none; "en attente de OC02" while one has not). It is fed what the DO
 * learns: the test asked, the OI's answer to it (which names the OCs asked and those that cannot
 * be tested, decision 0035), the end accepted, and each M6TX as it comes (decision 0034).
 */
public final class LineTestBoard {

    /** The end's answers, keyed apart from the tests 1 to 5. */
    private static final int END = 0;

    private final Duration answerDeadline;
    private final FrenchText text;
    private final Map<Integer, Round> rounds = new LinkedHashMap<>();

    /**
     * @param answerDeadline the OI's answer deadline (decision 0036): past it, "pas de réponse de OC02"
     * @param zone           the zone of the times shown
     */
    public LineTestBoard(Duration answerDeadline, ZoneId zone) {
        this.answerDeadline = Objects.requireNonNull(answerDeadline, "answerDeadline");
        this.text = new FrenchText(Objects.requireNonNull(zone, "zone"));
    }

    /** The technician asked test {@code numeroTest} at {@code askedAt} (sent now, or later when offline). */
    public void asked(int numeroTest, Instant askedAt) {
        rounds.computeIfAbsent(numeroTest, n -> new Round(askedAt));
    }

    /** The OI accepted a test at {@code acceptedAt}; {@code description} is its answer's. */
    public void accepted(int numeroTest, String description, Instant acceptedAt) {
        Round round = rounds.computeIfAbsent(numeroTest, n -> new Round(acceptedAt));
        round.acceptedAt = acceptedAt;
        TestedOcs.parse(description).filter(tested -> tested.numeroTest() == numeroTest).ifPresent(tested -> {
            round.announced = true;
            tested.relayedTo().forEach(oc -> round.expected.putIfAbsent(oc, null));
            round.untestable.addAll(tested.untestable());
        });
    }

    /** The OI accepted the end: the OCs' final answers will follow. */
    public void ended(Instant end, Instant acceptedAt) {
        Round round = rounds.computeIfAbsent(END, n -> new Round(end));
        round.acceptedAt = acceptedAt;
    }

    /** An M6TX arrived: one OC's answer to a test, or to the end when it has no {@code numeroTest}. */
    public void received(M6tx m6tx) {
        int key = m6tx.numeroTest() == null ? END : m6tx.numeroTest();
        Round round = rounds.computeIfAbsent(key, n -> new Round(null));
        round.expected.put(m6tx.codeOc(), m6tx);
        round.count = Math.max(round.count, m6tx.nombreOc());
    }

    /** The tests as they stand at {@code now}, in the order asked, the end last. */
    public List<TestView> view(Instant now) {
        List<TestView> views = new ArrayList<>();
        rounds.entrySet().stream().filter(e -> e.getKey() != END).sorted(Map.Entry.comparingByKey())
                .forEach(e -> views.add(view(e.getKey(), e.getValue(), now)));
        if (rounds.containsKey(END)) {
            views.add(view(END, rounds.get(END), now));
        }
        return views;
    }

    private TestView view(int key, Round round, Instant now) {
        boolean pastDeadline = key != END && round.acceptedAt != null && !now.isBefore(round.acceptedAt.plus(answerDeadline));
        List<OcView> ocs = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        List<String> cutAt = new ArrayList<>();
        int cut = 0;
        int restored = 0;
        boolean other = false;
        for (Map.Entry<String, M6tx> entry : round.expected.entrySet()) {
            String oc = entry.getKey();
            M6tx answer = entry.getValue();
            if (answer == null) {
                OcStatus status = pastDeadline ? OcStatus.NO_ANSWER : OcStatus.WAITING;
                (pastDeadline ? silent : waiting).add(oc);
                ocs.add(new OcView(oc, status, false, List.of(), List.of(),
                        List.of(pastDeadline ? oc + " : pas de réponse" : oc + " : en attente")));
                continue;
            }
            other |= answer.multiInterventionOi();
            cut += answer.customersDown().size();
            restored += answer.linesRestored().size();
            if (!answer.customersDown().isEmpty()) {
                cutAt.add(oc);
            }
            ocs.add(answered(answer));
        }
        round.untestable.forEach(oc -> ocs.add(new OcView(oc, OcStatus.UNTESTABLE, false, List.of(), List.of(),
                List.of(oc + " : non testé (protocole v1)"))));
        int unnamed = Math.max(0, round.count - round.expected.size());
        return new TestView(key == END ? null : key, key == END ? "Fin d'intervention" : "Test " + key, round.askedAt, ocs,
                summary(round, cut, cutAt, restored, waiting, unnamed, silent, pastDeadline)
                        + (other ? " ; une autre intervention a eu lieu sur ce PM pendant ce test" : ""),
                round.acceptedAt != null && waiting.isEmpty() && unnamed == 0 && (round.count > 0 || key != END), other);
    }

    private OcView answered(M6tx answer) {
        List<String> lines = new ArrayList<>();
        lines.add(answer.codeOc() + " : " + (answer.customersDown().isEmpty() ? "aucun client coupé"
                : FrenchText.count(answer.customersDown().size(), "client coupé", "clients coupés")));
        answer.customersDown().forEach(customer -> lines.add(text.customerDown(customer)));
        answer.linesRestored().forEach(line -> lines.add(text.lineRestored(line)));
        if (answer.reparation()) {
            lines.add(answer.codeOc() + " demande une réparation");
        }
        return new OcView(answer.codeOc(), OcStatus.ANSWERED, answer.reparation(), answer.customersDown(),
                answer.linesRestored(), lines);
    }

    private static String summary(Round round, int cut, List<String> cutAt, int restored, List<String> waiting, int unnamed,
            List<String> silent, boolean pastDeadline) {
        if (round.acceptedAt == null && round.expected.isEmpty()) {
            return "en attente de la réponse de l'OI";
        }
        List<String> parts = new ArrayList<>();
        if (round.announced && round.expected.isEmpty() && round.count == 0) {
            parts.add("aucun OC testable");
        }
        boolean everyOcPresentAnswered = waiting.isEmpty() && unnamed == 0 && silent.isEmpty() && round.untestable.isEmpty();
        if (cut > 0) {
            parts.add(FrenchText.count(cut, "client coupé", "clients coupés") + " chez " + String.join(", ", cutAt));
        } else if (everyOcPresentAnswered && !round.expected.isEmpty()) {
            parts.add("aucun client coupé");
        } else if (!round.expected.isEmpty() && waiting.size() + silent.size() < round.expected.size()) {
            parts.add("aucun client coupé chez " + String.join(", ", answeredNone(round)));
        }
        if (restored > 0) {
            parts.add(FrenchText.count(restored, "ligne rétablie", "lignes rétablies"));
        }
        if (!waiting.isEmpty()) {
            parts.add("en attente de " + String.join(", ", waiting));
        }
        if (unnamed > 0) {
            parts.add((pastDeadline ? "pas de réponse de " : "en attente de ") + FrenchText.count(unnamed, "autre OC", "autres OC"));
        }
        if (!silent.isEmpty()) {
            parts.add("pas de réponse de " + String.join(", ", silent));
        }
        if (!round.untestable.isEmpty()) {
            parts.add(String.join(", ", round.untestable) + " non testé (protocole v1)");
        }
        if (parts.isEmpty()) {
            return "en attente des OC";
        }
        return String.join(" ; ", parts);
    }

    private static List<String> answeredNone(Round round) {
        return round.expected.entrySet().stream().filter(e -> e.getValue() != null && e.getValue().customersDown().isEmpty())
                .map(Map.Entry::getKey).toList();
    }

    /** What the app knows of one test or of the end. */
    private static final class Round {
        private final Instant askedAt;
        private Instant acceptedAt;
        /** per OC asked or heard from: its M6TX, or null while waiting */
        private final Map<String, M6tx> expected = new LinkedHashMap<>();
        private final List<String> untestable = new ArrayList<>();
        /** the OI's answer named the OCs asked */
        private boolean announced;
        /** the largest nombreOC heard */
        private int count;

        private Round(Instant askedAt) {
            this.askedAt = askedAt;
        }
    }
}
