package fr.eintervention.protocol.v2;

import java.util.List;

/**
 * A v2 message refused: its label, the fields at fault as data and a description for the
 * partner. {@link #body()} is the v2 error body. Carries nothing internal.
 */
public class Refusal extends RuntimeException {

    private final ErrorCode code;
    private final List<Fault> faults;

    public Refusal(ErrorCode code, String description) {
        this(code, List.of(), description);
    }

    public Refusal(ErrorCode code, List<Fault> faults, String description) {
        super(description, null, false, false);
        this.code = code;
        this.faults = List.copyOf(faults);
    }

    public ErrorCode code() {
        return code;
    }

    /** The fields at fault; empty when the refusal is not about fields. */
    public List<Fault> faults() {
        return faults;
    }

    /** The whole description, not cut: {@link ErrorBody#of} cuts it for the wire. */
    public String description() {
        return getMessage();
    }

    /** The v2 error body of this refusal, sent with HTTP 400. */
    public ErrorBody body() {
        return ErrorBody.of(this);
    }
}
