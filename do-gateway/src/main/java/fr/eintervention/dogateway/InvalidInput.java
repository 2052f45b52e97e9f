package fr.eintervention.dogateway;

import java.util.List;

import fr.eintervention.protocol.Answer;

/** A request refused because of what it holds: each field at fault is named (HTTP 400). */
public class InvalidInput extends RuntimeException {

    /** @param field the request's field, as the client named it ({@code natures[0].pbo}) */
    public record FieldError(String field, String reason) {
    }

    private final List<FieldError> errors;
    private final Answer protocolAnswer;

    /**
     * @param protocolAnswer what the OI would have answered (CHAMPS_NON_RENSEIGNE, MAUVAIS_FORMAT),
     *                       or {@code null} when the refusal is the DO's own rule
     */
    public InvalidInput(List<FieldError> errors, Answer protocolAnswer) {
        super(errors.toString(), null, false, false);
        this.errors = List.copyOf(errors);
        this.protocolAnswer = protocolAnswer;
    }

    public InvalidInput(String field, String reason) {
        this(List.of(new FieldError(field, reason)), null);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Answer protocolAnswer() {
        return protocolAnswer;
    }
}
