package fr.eintervention.web;

/** What the request names does not exist (HTTP 404). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message, null, false, false);
    }
}
