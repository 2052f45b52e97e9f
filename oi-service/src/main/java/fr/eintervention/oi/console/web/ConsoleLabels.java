package fr.eintervention.oi.console.web;

import java.util.Map;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.DeliveryAttempt;
import fr.eintervention.delivery.DeliveryStatus;

/**
 * The French words the console shows for the codes it stores: messages' states, natures,
 * what became of a DO's message, circuits. The code stays beside them where an operator needs it
 * (filters, logs, the admin API speak in codes). Templates: {@code @consoleLabels}.
 */
@Component("consoleLabels")
class ConsoleLabels {

    private static final Map<DeliveryStatus, String> STATUSES = Map.of(
            DeliveryStatus.PENDING, "En attente",
            DeliveryStatus.SENDING, "En cours d'envoi",
            DeliveryStatus.DELIVERED, "Remis",
            DeliveryStatus.REJECTED, "Rejeté",
            DeliveryStatus.FAILED, "En échec",
            DeliveryStatus.SUPERSEDED, "Remplacé");

    /** the protocol's natures (1 to 4), as the technician's app names them */
    private static final Map<Integer, String> NATURES = Map.of(1, "RACC", 2, "SAV", 3, "Aucune action", 4, "Non fournie");

    private static final Map<String, String> OUTCOMES = Map.of(
            "NEW", "Nouvelle", "DUPLICATE", "Doublon", "CORRECTED", "Corrigée", "IGNORED", "Ignorée");

    private static final Map<String, String> CIRCUITS = Map.of(
            "CLOSED", "Fermé (appels normaux)", "OPEN", "Ouvert (appels suspendus)", "HALF_OPEN", "Semi-ouvert (appels d'essai)");

    /** e.g. "Remis" for DELIVERED (a {@link DeliveryStatus} or its name). */
    public String status(Object status) {
        if (status == null) {
            return "";
        }
        try {
            return STATUSES.get(DeliveryStatus.valueOf(status.toString()));
        } catch (IllegalArgumentException notAStatus) {
            return status.toString();
        }
    }

    /**
     * The intervention a message is about: its subject, or the subject's first part for an M6TX
     * ({@code <refIntervOI>/<OC>/<numeroTest or F>}, one per OC's answer).
     */
    public String interventionOf(String subject) {
        return subject == null ? "" : subject.split("/", 2)[0];
    }

    /** e.g. "Non fournie" for 4; the number itself when the protocol does not name it. */
    public String nature(Integer nature) {
        return nature == null ? "" : NATURES.getOrDefault(nature, "nature " + nature);
    }

    /** What became of a DO's M1/M3: e.g. "Nouvelle" for NEW. */
    public String outcome(String outcome) {
        return outcome == null ? "" : OUTCOMES.getOrDefault(outcome, outcome);
    }

    /** A circuit breaker's state: e.g. "Fermé (appels normaux)" for CLOSED; "—" when never called. */
    public String circuit(String state) {
        return state == null ? "—" : CIRCUITS.getOrDefault(state, state);
    }

    /** What an attempt got: "HTTP 503", "HTTP 400 MAUVAIS_FORMAT (2)", or the network error. */
    public String result(DeliveryAttempt attempt) {
        if (attempt.httpStatus() == null) {
            return attempt.error() == null ? "" : attempt.error();
        }
        StringBuilder text = new StringBuilder("HTTP ").append(attempt.httpStatus());
        if (attempt.answerLabel() != null) {
            text.append(' ').append(attempt.answerLabel());
        }
        if (attempt.answerCode() != null) {
            text.append(" (").append(attempt.answerCode()).append(')');
        }
        return text.toString();
    }
}
