package fr.eintervention.delivery;

import fr.eintervention.protocol.Answer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What came of one try at sending a message, and what it means under the protocol's retry rules:
 * a functional answer is final (OK or KO), a partner that cannot take the message now is retried.
 *
 * @param outcome           what to do with the message
 * @param httpStatus        the answer's HTTP status; null without an answer
 * @param answerCode        {@code Code_Reponse}, when the body is a protocol answer
 * @param answerLabel       {@code Libelle_Reponse}, when the body is a protocol answer
 * @param answerDescription {@code Description_Reponse}, when the body is a protocol answer
 * @param answerBody        the body received; null without an answer
 * @param error             why it did not deliver the message; null when it did
 */
record Attempt(Outcome outcome, Integer httpStatus, Integer answerCode, String answerLabel,
        String answerDescription, String answerBody, String error) {

    enum Outcome {
        /** the partner answered OK */
        DELIVERED,
        /** the partner refused the message: a KO answer, or a 4xx that retrying will not change */
        REJECTED,
        /** the partner could not take it now: network error, timeout, 5xx, 408, 429, 401 */
        RETRY,
        /** nothing was sent: the partner is unknown to the directory */
        NOT_SENT
    }

    static Attempt noEndpoint(String partner) {
        return new Attempt(Outcome.NOT_SENT, null, null, null, null, null,
                "partner " + partner + " unknown to the partner directory (no endpoint)");
    }

    /** The request got no answer. */
    static Attempt failed(Exception exception) {
        Throwable cause = exception.getCause() != null ? exception.getCause() : exception;
        return new Attempt(Outcome.RETRY, null, null, null, null, null,
                cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }

    /** The partner answered: the protocol answer in the body decides, then the HTTP status. */
    static Attempt answered(int httpStatus, String body, ObjectMapper mapper) {
        JsonNode json = readJson(body, mapper);
        String label = text(json.get("Libelle_Reponse"));
        Integer code = number(json.get("Code_Reponse"));
        String description = text(json.get("Description_Reponse"));
        boolean isAnswer = label != null || code != null;
        // the label wins over the number (the specification and the contract number some answers differently)
        boolean ok = isAnswer && Answer.read(label, code) == Answer.OK;
        boolean success = httpStatus >= 200 && httpStatus < 300;
        Outcome outcome;
        String error = null;
        if (isAnswer && !ok) {
            outcome = Outcome.REJECTED;
            error = "answered " + (label != null ? label : "code " + code);
        } else if (success && ok) {
            outcome = Outcome.DELIVERED;
        } else if (httpStatus >= 500 || httpStatus == 408 || httpStatus == 429 || httpStatus == 401) {
            outcome = Outcome.RETRY;
            error = "HTTP " + httpStatus;
        } else {
            outcome = Outcome.REJECTED;
            error = "HTTP " + httpStatus + " without a protocol answer";
        }
        return new Attempt(outcome, httpStatus, code, label, description, body, error);
    }

    boolean sent() {
        return outcome != Outcome.NOT_SENT;
    }

    /** Whether the partner took the call: what its circuit breaker counts. */
    boolean partnerHealthy() {
        return outcome != Outcome.RETRY;
    }

    private static JsonNode readJson(String body, ObjectMapper mapper) {
        if (body == null || body.isBlank()) {
            return mapper.missingNode();
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException notJson) {
            return mapper.missingNode();
        }
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asString();
    }

    private static Integer number(JsonNode node) {
        if (node != null && node.isIntegralNumber()) {
            return node.intValue();
        }
        String text = text(node);
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
