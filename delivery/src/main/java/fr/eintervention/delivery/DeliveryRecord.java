package fr.eintervention.delivery;

import java.time.Instant;

/**
 * One message to one partner, as the outbox holds it.
 *
 * @param id                the message's id
 * @param partner           the receiver's operator code
 * @param kind              M1..M5
 * @param subject           the reference the message is about
 * @param path              the receiver's endpoint, relative to the partner's base URL
 * @param payload           the JSON body sent
 * @param status            where the message stands
 * @param attempts          HTTP attempts made since it was queued (or last re-sent by an operator)
 * @param nextAttemptAt     when a PENDING message is due
 * @param lastAttemptAt     when the last attempt was made, if any
 * @param lastHttpStatus    the HTTP status of the last answer, if one came
 * @param answerCode        {@code Code_Reponse} of the last answer, if it had one
 * @param answerLabel       {@code Libelle_Reponse} of the last answer, if it had one
 * @param answerDescription {@code Description_Reponse} of the last answer, if it had one
 * @param answerBody        the last answer's body, cut to a few kilobytes (e.g. R M1 carries
 *                          {@code Ref_Interv_OI})
 * @param lastError         why the last attempt did not deliver the message, in plain words
 * @param createdAt         when the message was queued
 * @param updatedAt         when the row last changed
 * @param deliveredAt       when the partner answered OK
 * @param traceparent       the W3C trace context of the request that queued it, sent with it (null without tracing)
 * @param giveUpAt          when a message still not delivered is FAILED (the protocol's 24 hours
 *                          from when it was queued or last re-sent); null for messages finished
 *                          before this field existed
 */
public record DeliveryRecord(
        long id,
        String partner,
        String kind,
        String subject,
        String path,
        String payload,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Integer lastHttpStatus,
        Integer answerCode,
        String answerLabel,
        String answerDescription,
        String answerBody,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        Instant deliveredAt,
        String traceparent, Instant giveUpAt) {
}
