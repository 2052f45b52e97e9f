package fr.eintervention.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import fr.eintervention.protocol.v1.Answer;
import fr.eintervention.protocol.v2.PartnerAnswer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What came of one try at sending a message, and what it means under the protocol's retry rules:
 * a functional answer is final (OK or KO), a partner that cannot take the message now is retried.
 *
 * @param result            what to do with the message
 * @param httpStatus        the answer's HTTP status; null without an answer
 * @param answerCode        {@code Code_Reponse} (v2: {@code code}), when the body is a protocol answer
 * @param answerLabel       {@code Libelle_Reponse} (v2: {@code error}, or OK), when the body is a protocol answer
 * @param answerDescription {@code Description_Reponse} (v2: {@code description} or {@code error_description}),
 *                          when the body is a protocol answer
 * @param answerBody        the body received; null without an answer
 * @param error             why it did not deliver the message; null when it did
 * @param retryAfter        how long the partner asked to wait ({@link Result#THROTTLED}); null otherwise
 * @param duration          how long the call took; null when no call was made
 */
record Attempt(Result result, Integer httpStatus, Integer answerCode, String answerLabel,
        String answerDescription, String answerBody, String error, Duration retryAfter, Duration duration) {

    /** An attempt whose call is not timed (yet, or none was made). */
    Attempt(Result result, Integer httpStatus, Integer answerCode, String answerLabel, String answerDescription,
            String answerBody, String error, Duration retryAfter) {
        this(result, httpStatus, answerCode, answerLabel, answerDescription, answerBody, error, retryAfter, null);
    }

    /** what a 429 without {@code Retry-After} waits */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    /** What an attempt means for its message. */
    enum Result {
        /** the partner answered OK */
        DELIVERED,
        /** the partner refused the message: a KO answer, or a 4xx that retrying will not change */
        REJECTED,
        /** the partner could not take it now: network error, timeout, 5xx, 408, 401 */
        RETRY,
        /**
         * the partner asked to wait ({@code 429}, or {@code 503} with {@code Retry-After}): the
         * message waits what it asks, no retry spent, not a failure of the partner
         */
        THROTTLED,
        /** nothing was sent: the partner is unknown to the directory */
        NOT_SENT
    }

    static Attempt noEndpoint(String partner) {
        return new Attempt(Result.NOT_SENT, null, null, null, null, null,
                "partner " + partner + " unknown to the partner directory (no endpoint)", null);
    }

    /** The request got no answer. */
    static Attempt failed(Exception exception) {
        Throwable cause = exception.getCause() != null ? exception.getCause() : exception;
        return new Attempt(Result.RETRY, null, null, null, null, null,
                cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), null);
    }

    /** Not sent: its turn under the pace did not come soon; it waits again, no attempt counted. */
    static Attempt paced() {
        return new Attempt(Result.THROTTLED, null, null, null, null, null,
                "not sent: waited for its turn under the pace towards its partner", Duration.ZERO);
    }

    /** Not sent: the message was not delivered within the protocol's bound. */
    static Attempt expired(Duration bound) {
        return new Attempt(Result.NOT_SENT, null, null, null, null, null,
                "not delivered within " + bound.toHours() + " h of being queued: given up", null);
    }

    /** The partner answered, without {@code Retry-After}. */
    static Attempt answered(int httpStatus, String body, ObjectMapper mapper) {
        return answered(httpStatus, body, null, mapper);
    }

    /**
     * The partner answered: a 429, or a 503 with {@code Retry-After}, asks to wait; otherwise the
     * protocol answer in the body decides, then the HTTP status.
     *
     * @param retryAfter the {@code Retry-After} header (seconds or an HTTP date), if any
     */
    static Attempt answered(int httpStatus, String body, String retryAfter, ObjectMapper mapper) {
        Optional<Duration> asked = retryAfter(retryAfter, Instant.now());
        if (httpStatus == 429 || (httpStatus == 503 && asked.isPresent())) {
            Duration wait = asked.orElse(DEFAULT_RETRY_AFTER);
            return new Attempt(Result.THROTTLED, httpStatus, null, null, null, body,
                    "HTTP " + httpStatus + ", asked to wait " + wait.toMillis() + " ms", wait);
        }
        JsonNode json = readJson(body, mapper);
        String label = text(json.get("Libelle_Reponse"));
        Integer code = number(json.get("Code_Reponse"));
        String description = text(json.get("Description_Reponse"));
        boolean isAnswer = label != null || code != null;
        // the label wins over the number (the specification and the contract number some answers differently)
        boolean ok = isAnswer && Answer.read(label, code) == Answer.OK;
        if (!isAnswer && (httpStatus == 200 || httpStatus == 400)) {
            // a v2 answer: {code: 0, ...} or the 400 error body (decision 0025)
            Optional<PartnerAnswer> v2 = PartnerAnswer.read(json);
            if (v2.isPresent()) {
                isAnswer = true;
                ok = v2.get().accepted();
                label = v2.get().label();
                code = v2.get().code();
                description = v2.get().description();
            }
        }
        boolean success = httpStatus >= 200 && httpStatus < 300;
        Result result;
        String error = null;
        if (isAnswer && !ok) {
            result = Result.REJECTED;
            error = "answered " + (label != null ? label : "code " + code);
        } else if (success && ok) {
            result = Result.DELIVERED;
        } else if (httpStatus >= 500 || httpStatus == 408 || httpStatus == 401) {
            result = Result.RETRY;
            error = "HTTP " + httpStatus;
        } else {
            result = Result.REJECTED;
            error = "HTTP " + httpStatus + " without a protocol answer";
        }
        return new Attempt(result, httpStatus, code, label, description, body, error, null);
    }

    /**
     * {@code Retry-After} (RFC 9110): a number of seconds, or an HTTP date; empty when absent or
     * unreadable. Never negative.
     */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** The same attempt, its call timed. */
    Attempt took(Duration callDuration) {
        return new Attempt(result, httpStatus, answerCode, answerLabel, answerDescription, answerBody, error, retryAfter,
                callDuration);
    }

    /** Whether it is kept in the message's attempts: a message that only waited for its turn under the pace was not tried. */
    boolean kept() {
        return result != Result.THROTTLED || httpStatus != null;
    }

    boolean sent() {
        return result != Result.NOT_SENT;
    }

    /** Whether the partner took the call: what its circuit breaker counts (a partner asking to wait is not failing). */
    boolean partnerHealthy() {
        return result != Result.RETRY;
    }

    boolean throttled() {
        return result == Result.THROTTLED;
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
