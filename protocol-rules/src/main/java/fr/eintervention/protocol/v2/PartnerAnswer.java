package fr.eintervention.protocol.v2;

import java.util.Optional;

import fr.eintervention.protocol.v1.Answer;
import tools.jackson.databind.JsonNode;

/**
 * A partner's answer to a v2 message we sent, read from its body (decision 0025): a success
 * {@code {code: 0, ...}}, a refusal {@code {error, error_description, ...}}, or a 200 whose
 * {@code code} is not 0, a refusal with the v1 label of that number. The body decides, as for v1;
 * what the HTTP status adds is the delivery engine's business.
 *
 * @param label the refusal's label as the partner wrote it ({@code OK} when accepted); an unknown
 *              label is kept as written and is still a refusal
 * @param code  the number of a 200 answer, {@code null} for a 400 body
 */
public record PartnerAnswer(boolean accepted, String label, Integer code, String description) {

    /** The answer in a body, or empty when the body is no v2 answer (not JSON, another shape). */
    public static Optional<PartnerAnswer> read(JsonNode body) {
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        JsonNode error = body.get("error");
        if (error != null && error.isString() && !error.stringValue().isBlank()) {
            ErrorCode known = ErrorCode.read(error.stringValue());
            return Optional.of(new PartnerAnswer(false, known != null ? known.name() : error.stringValue(), null,
                    text(body.get("error_description"))));
        }
        JsonNode code = body.get("code");
        if (code != null && code.isIntegralNumber() && code.canConvertToInt()) {
            int number = code.intValue();
            Answer v1 = Answer.read(null, number);
            String label = number == 0 ? Answer.OK.name() : v1 != null ? v1.name() : "code " + number;
            return Optional.of(new PartnerAnswer(number == 0, label, number, text(body.get("description"))));
        }
        return Optional.empty();
    }

    /** The refusal's v2 label; {@code null} when accepted or when the label is none of v2's. */
    public ErrorCode errorCode() {
        return accepted ? null : ErrorCode.read(label);
    }

    private static String text(JsonNode value) {
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
