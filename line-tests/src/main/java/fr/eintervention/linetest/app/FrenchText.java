package fr.eintervention.linetest.app;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import fr.eintervention.linetest.CustomerDown;
import fr.eintervention.linetest.LineRestored;
import fr.eintervention.linetest.Route;

/** The technician's words for a customer, a route, a count (decision 0039: unknown values left out). */
final class FrenchText {

    private static final String UNKNOWN = "inconnu";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId zone;

    FrenchText(ZoneId zone) {
        this.zone = zone;
    }

    String customerDown(CustomerDown customer) {
        return "PTO " + customer.pto() + " coupé à " + time(customer.downAt()) + route(customer.route());
    }

    String lineRestored(LineRestored line) {
        return "PTO " + line.pto() + " rétabli à " + time(line.upAt()) + route(line.route());
    }

    String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private static String route(Route route) {
        List<String> parts = new ArrayList<>();
        add(parts, "PBO", route.pbo());
        add(parts, "tube", route.tube());
        add(parts, "fibre", route.fibre());
        add(parts, "module", route.moduleName());
        add(parts, "position du module", route.modulePosition());
        add(parts, "position coupleur", route.couplerPosition());
        add(parts, "n° de série ONT", route.ontSerial());
        add(parts, "jarretière", route.patchCordColour());
        return parts.isEmpty() ? "" : " — " + String.join(", ", parts);
    }

    private static void add(List<String> parts, String label, String value) {
        if (value != null && !value.isBlank() && !UNKNOWN.equalsIgnoreCase(value)) {
            parts.add(label + " " + value);
        }
    }
}
