package fr.eintervention.protocol.v2;

import java.util.List;

/**
 * A message rendered in the other version, and what it lost on the way ({@link Loss}); nothing is
 * dropped without a loss. {@code message} is {@code null} when the other version has no such
 * message at all (a repair report towards v1): then nothing is sent and the losses say what was
 * not.
 */
public record Mapped<T>(T message, List<Loss> losses) {

    public Mapped {
        losses = List.copyOf(losses);
    }

    /** Nothing lost. */
    public boolean isLossless() {
        return losses.isEmpty();
    }

    /** Whether there is a message to send. */
    public boolean isSent() {
        return message != null;
    }
}
