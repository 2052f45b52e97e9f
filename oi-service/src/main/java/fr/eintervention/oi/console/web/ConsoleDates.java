package fr.eintervention.oi.console.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.protocol.Timestamps;

/** Dates (and partners' answers) as the console shows and reads them: in the protocol's zone (Europe/Paris), French style. Templates: {@code @consoleDates}. */
@Component("consoleDates")
class ConsoleDates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.FRANCE);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

    private final ZoneId zone;

    ConsoleDates(Timestamps timestamps) {
        this.zone = timestamps.zone();
    }

    ZoneId zone() {
        return zone;
    }

    /** e.g. 24/11/2026 09:15:00; empty for none. */
    public String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    /** A day written yyyy-MM-dd as the pages write days: 30/11/2026; the text itself when it is not such a day. */
    public String shortDay(String isoDay) {
        LocalDate day = parseDay(isoDay);
        return day == null ? isoDay : SHORT_DAY.format(day);
    }

    /** e.g. lundi 30 novembre 2026. */
    public String day(LocalDate day) {
        return DAY.format(day);
    }

    /** e.g. 3 min 20 s since the instant. */
    public String age(Instant since) {
        if (since == null) {
            return "";
        }
        Duration age = Duration.between(since, Instant.now());
        if (age.isNegative()) {
            return "0 s";
        }
        if (age.toHours() > 0) {
            return age.toHours() + " h " + age.toMinutesPart() + " min";
        }
        return age.toMinutes() > 0 ? age.toMinutes() + " min " + age.toSecondsPart() + " s" : age.toSeconds() + " s";
    }

    /** What the partner answered to the last attempt (HTTP status, Libelle_Reponse, description), or why there was no answer. */
    public String answer(DeliveryRecord message) {
        StringBuilder text = new StringBuilder();
        if (message.lastHttpStatus() != null) {
            text.append("HTTP ").append(message.lastHttpStatus());
        }
        if (message.answerLabel() != null) {
            text.append(' ').append(message.answerLabel());
            if (message.answerDescription() != null) {
                text.append(" : ").append(message.answerDescription());
            }
        } else if (message.lastError() != null && !message.lastError().equals(text.toString())) {
            text.append(text.isEmpty() ? "" : " · ").append(message.lastError());
        }
        return text.toString().trim();
    }

    LocalDate today() {
        return LocalDate.now(zone);
    }

    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** A yyyy-MM-dd field of a form; null when blank or unreadable (the form shows it was ignored). */
    static LocalDate parseDay(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
