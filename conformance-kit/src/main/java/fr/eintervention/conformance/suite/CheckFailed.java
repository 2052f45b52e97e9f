package fr.eintervention.conformance.suite;

/** Thrown by a test that found the target at fault (or, {@link #skipped}, that could not apply). */
public final class CheckFailed extends RuntimeException {

    private final boolean skipped;

    private CheckFailed(String message, boolean skipped) {
        super(message);
        this.skipped = skipped;
    }

    public static CheckFailed fault(String message) {
        return new CheckFailed(message, false);
    }

    public static CheckFailed skip(String reason) {
        return new CheckFailed(reason, true);
    }

    public boolean skipped() {
        return skipped;
    }
}
