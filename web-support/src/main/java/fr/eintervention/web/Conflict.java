package fr.eintervention.web;

/** The request contradicts what is already recorded (HTTP 409): nothing was changed. */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message, null, false, false);
    }
}
