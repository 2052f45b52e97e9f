package fr.eintervention.dogateway.intervention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.eintervention.dogateway.InvalidInput;
import fr.eintervention.dogateway.InvalidInput.FieldError;
import fr.eintervention.protocol.Answer;

/** What is wrong with one request, field by field: the first reason found for a field is kept. */
final class Errors {

    private final Map<String, FieldError> byField = new LinkedHashMap<>();
    private Answer protocolAnswer;

    void add(String field, String reason) {
        byField.putIfAbsent(field, new FieldError(field, reason));
    }

    /** The OI would have answered this (the first refusal found). */
    void protocolAnswer(Answer answer) {
        if (protocolAnswer == null) {
            protocolAnswer = answer;
        }
    }

    void throwIfAny() {
        if (!byField.isEmpty()) {
            throw new InvalidInput(List.copyOf(byField.values()), protocolAnswer);
        }
    }
}
