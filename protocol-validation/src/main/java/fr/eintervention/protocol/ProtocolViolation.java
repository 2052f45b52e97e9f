package fr.eintervention.protocol;

/**
 * A message the receiver refuses with one of the protocol's KO answers. Carries nothing
 * internal: its description goes to the partner as {@code Description_Reponse}.
 */
public class ProtocolViolation extends RuntimeException {

    private final Answer answer;

    public ProtocolViolation(Answer answer, String description) {
        super(Answer.fit(description), null, false, false);
        if (answer.isOk()) {
            throw new IllegalArgumentException("a violation cannot be OK");
        }
        this.answer = answer;
    }

    public Answer answer() {
        return answer;
    }

    public String description() {
        return getMessage();
    }
}
