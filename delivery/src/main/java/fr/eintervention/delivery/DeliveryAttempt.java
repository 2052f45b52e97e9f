package fr.eintervention.delivery;

import java.time.Instant;

/**
 * One attempt at a message, as kept in {@code delivery_attempt}.
 *
 * @param messageId     the message tried
 * @param attemptedAt   when the attempt ended
 * @param durationMs    how long the call took, in milliseconds; null when no call was made
 *                      (unknown partner, past the protocol's bound)
 * @param httpStatus    the answer's HTTP status; null without an answer (network error, timeout)
 * @param answerCode    {@code Code_Reponse}, when the body was a protocol answer
 * @param answerLabel   {@code Libelle_Reponse}, when the body was a protocol answer
 * @param answerStart   the first 500 characters of the answer's body
 * @param error         why it did not deliver the message, in plain words; null when it did
 * @param status        the message's status after this attempt
 * @param nextAttemptAt the retry it scheduled, when the message waits (PENDING)
 */
public record DeliveryAttempt(long messageId, Instant attemptedAt, Integer durationMs, Integer httpStatus,
        Integer answerCode, String answerLabel, String answerStart, String error, DeliveryStatus status,
        Instant nextAttemptAt) {
}
