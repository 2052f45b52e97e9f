package fr.eintervention.conformance.wire;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.eintervention.protocol.v1.Answer;
import fr.eintervention.protocol.v1.MessageSchema;
import fr.eintervention.protocol.v1.MessageValidator;
import fr.eintervention.protocol.v1.ProtocolMessage;
import fr.eintervention.protocol.v1.ProtocolViolation;
import fr.eintervention.protocol.Timestamps;
import tools.jackson.databind.json.JsonMapper;

/**
 * The protocol's rules as the project's receivers apply them (protocol-rules), read by the
 * kit: the only class of the kit that knows the project's own validation types.
 */
public final class Rules {

    /** The three request bodies of the protocol. */
    public enum Body {
        /** M1 and M3, DO to OI. */
        INTERVENTION_DO(ProtocolMessage.INTERVENTION_DO),
        /** M2 and M4, OI to OC. */
        INTERVENTION_OI(ProtocolMessage.INTERVENTION_OI),
        /** M5, OC to OI. */
        CLIENTS_HS(ProtocolMessage.CLIENTS_HS);

        private final ProtocolMessage message;

        Body(ProtocolMessage message) {
            this.message = message;
        }
    }

    /** Dates with an explicit offset or {@code Z}, as every sender must write them (decision 0006). */
    private static final Pattern WITH_OFFSET = Pattern.compile(".*T.*(Z|[+-]\\d{2}:\\d{2})$");
    private static final MessageValidator VALIDATOR = new MessageValidator(JsonMapper.builder().build(),
            new Timestamps(ZoneId.of("Europe/Paris")));

    private Rules() {
    }

    /** What is wrong with a body, as {@code field: reason} lines (the first check that fails: missing, then format); empty when valid. */
    public static List<String> faults(Body body, String json) {
        try {
            VALIDATOR.validate(body.message, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return List.of();
        } catch (ProtocolViolation violation) {
            if (violation.faults().isEmpty()) {
                return List.of(violation.answer().name() + ": " + violation.description());
            }
            return violation.faults().stream().map(f -> violation.answer().name() + " " + f.describe()).toList();
        }
    }

    /** The answer a receiver owes for that body before its own checks: OK, CHAMPS_NON_RENSEIGNE or MAUVAIS_FORMAT. */
    public static String expectedAnswer(Body body, String json) {
        try {
            VALIDATOR.validate(body.message, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Answer.OK.name();
        } catch (ProtocolViolation violation) {
            return violation.answer().name();
        }
    }

    /** The answer's label read as the project reads a partner's answer (label first, then the number); empty when neither tells. */
    public static Optional<String> answer(String label, Integer code) {
        return Optional.ofNullable(Answer.read(label, code)).map(Enum::name);
    }

    /** The contract's number for a label. */
    public static int code(String label) {
        return Answer.valueOf(label).code();
    }

    /** The HTTP status this project's rules give a label (protocol-rules.md, "Answering"). */
    public static int httpStatus(String label) {
        return Answer.valueOf(label).httpStatus();
    }

    public static int descriptionMaxLength() {
        return Answer.DESCRIPTION_MAX_LENGTH;
    }

    public static boolean isReference(String text) {
        return text != null && MessageSchema.REFERENCE.matcher(text).matches();
    }

    public static boolean isOperatorCode(String text) {
        return text != null && MessageSchema.OPERATOR_CODE.matcher(text).matches();
    }

    /** A timestamp in one of the forms a receiver reads, as an instant. */
    public static Optional<Instant> instant(String text) {
        return VALIDATOR.timestamps().parse(text);
    }

    /** A timestamp as a sender must write it: ISO 8601 with an explicit offset. */
    public static boolean hasOffset(String text) {
        return text != null && WITH_OFFSET.matcher(text).matches() && instant(text).isPresent();
    }
}
