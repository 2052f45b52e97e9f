package fr.eintervention.security;

/**
 * The caller tried to speak for another partner (or its token names none): answered 403. A
 * service's own checks may throw it too (e.g. the OI for an M5 from an OC that was not sent the
 * intervention).
 */
public class ForeignPartnerException extends RuntimeException {

    public ForeignPartnerException(String message) {
        super(message);
    }
}
