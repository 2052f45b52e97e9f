package fr.eintervention.dogateway.intervention;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.v1.Answer;
import fr.eintervention.protocol.v2.ErrorCode;
import fr.eintervention.web.InvalidInput;

/**
 * What is wrong with one request, field by field: the first fault found for a field is kept,
 * with the answer the OI would give for it (none for the DO's own rules).
 */
final class Errors {

    /** @param answer the label of the OI's refusal, in the OI's version (v1's answer or v2's error) */
    private record Entry(Fault error, String answer) {
    }

    private final Map<String, Entry> byField = new LinkedHashMap<>();

    /** A fault of the DO's own rules (the OI would not see it). */
    void add(String field, String reason) {
        add(field, reason, (String) null);
    }

    /** A fault the OI would refuse with that answer (CHAMPS_NON_RENSEIGNE, MAUVAIS_FORMAT). */
    void add(String field, String reason, Answer answer) {
        add(field, reason, answer == null ? null : answer.name());
    }

    /** A fault a v2 OI would refuse with that error (CHAMPS_NON_RENSEIGNE, MAUVAIS_FORMAT, INCOHERENCE). */
    void add(String field, String reason, ErrorCode error) {
        add(field, reason, error == null ? null : error.name());
    }

    private void add(String field, String reason, String label) {
        byField.putIfAbsent(field, new Entry(Fault.of(field, reason), label));
    }

    /**
     * The OI's answer to the faults kept, in the protocol's order: a missing field before a
     * bad format; {@code null} when only the DO's own rules refuse.
     */
    String protocolAnswer() {
        if (byField.values().stream().anyMatch(entry -> Answer.CHAMPS_NON_RENSEIGNE.name().equals(entry.answer()))) {
            return Answer.CHAMPS_NON_RENSEIGNE.name();
        }
        return byField.values().stream().map(Entry::answer).filter(answer -> answer != null).findFirst().orElse(null);
    }

    void throwIfAny() {
        if (!byField.isEmpty()) {
            InvalidInput invalid = new InvalidInput(byField.values().stream().map(Entry::error).toList());
            String answer = protocolAnswer();
            // what the OI would have answered, when it would have seen the fault
            throw answer == null ? invalid : invalid.with("protocolAnswer", answer);
        }
    }
}
