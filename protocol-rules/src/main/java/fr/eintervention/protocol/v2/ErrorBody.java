package fr.eintervention.protocol.v2;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * v2's refusal body, {@code {error, error_description, error_uri, error_parameters}}, sent with
 * HTTP 400 (decision 0025): the label; the faults in a few words (at most 256 characters); the
 * fields at fault, each at most 64 characters. {@code error_uri} is left out, as is any absent
 * field: never {@code null} on the wire.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(
        @JsonProperty("error") String error,
        @JsonProperty("error_description") String errorDescription,
        @JsonProperty("error_uri") String errorUri,
        @JsonProperty("error_parameters") List<String> errorParameters) {

    public static final int DESCRIPTION_MAX_LENGTH = 256;
    public static final int PARAMETER_MAX_LENGTH = 64;

    public static ErrorBody of(Refusal refusal) {
        Set<String> fields = new LinkedHashSet<>();
        refusal.faults().forEach(fault -> fields.add(cut(fault.field(), PARAMETER_MAX_LENGTH)));
        return new ErrorBody(refusal.code().name(), cut(refusal.description(), DESCRIPTION_MAX_LENGTH), null,
                List.copyOf(fields));
    }

    /** The label as v2's {@link ErrorCode}, either spelling of REF_INTERV_OI_INCONNUE read; {@code null} when unknown. */
    public ErrorCode code() {
        return ErrorCode.read(error);
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 3) + "...";
    }
}
