package fr.eintervention.protocol.v1;

import fr.eintervention.protocol.Fault;
import java.util.List;

/**
 * A message the receiver refuses with one of the protocol's KO answers. Carries nothing
 * internal: the fields at fault as data ({@link #faults()}) and a description that goes to the
 * partner as {@code Description_Reponse}, cut to the contract's 100 characters only when the
 * answer is written ({@link Answer#fit}).
 */
public class ProtocolViolation extends RuntimeException {

    private final Answer answer;
    private final List<Fault> faults;

    public ProtocolViolation(Answer answer, String description) {
        this(answer, List.of(), description);
    }

    /** @param faults each field at fault; the description is what the partner reads */
    public ProtocolViolation(Answer answer, List<Fault> faults, String description) {
        super(description, null, false, false);
        if (answer.isOk()) {
            throw new IllegalArgumentException("a violation cannot be OK");
        }
        this.answer = answer;
        this.faults = List.copyOf(faults);
    }

    public Answer answer() {
        return answer;
    }

    /** The fields at fault, protocol names ({@code Nature_PBO_PTO[1].PBO}); empty when the refusal is not about fields. */
    public List<Fault> faults() {
        return faults;
    }

    /** The whole description, not cut: see {@link Answer#fit} for the wire. */
    public String description() {
        return getMessage();
    }
}
