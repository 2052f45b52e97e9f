package fr.eintervention.oi.console.web;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.oi.consultation.Consultation;
import fr.eintervention.oi.consultation.DayWatch;
import fr.eintervention.oi.consultation.InterventionFilter;

/**
 * Aujourd'hui: the interventions started today, what became of today's messages per OC, the M5
 * owed; the figures refresh themselves every few seconds (htmx polling of a fragment).
 */
@Controller
class TodayController {

    static final int LATEST = 15;

    private final Consultation consultation;
    private final DayWatch day;
    private final Deliveries deliveries;
    private final ConsoleDates dates;

    TodayController(Consultation consultation, DayWatch day, Deliveries deliveries, ConsoleDates dates) {
        this.consultation = consultation;
        this.day = day;
        this.deliveries = deliveries;
        this.dates = dates;
    }

    @GetMapping({"/console", "/console/"})
    String today(Model model) {
        figures(model);
        return "console/today";
    }

    /** The live part of the page alone, which the page asks for every 5 seconds. */
    @GetMapping("/console/aujourdhui/direct")
    String live(Model model) {
        figures(model);
        return "console/today :: live";
    }

    /** Where signing out leads (open to all: the session is over). */
    @GetMapping("/console/deconnecte")
    String signedOut() {
        return "console/signed-out";
    }

    private void figures(Model model) {
        LocalDate today = dates.today();
        Instant start = dates.startOf(today);
        Instant tomorrow = dates.startOf(today.plusDays(1));
        Instant yesterday = dates.startOf(today.minusDays(1));
        model.addAttribute("page", "today");
        model.addAttribute("today", today);
        model.addAttribute("day", day.dayFigures(start, tomorrow));
        model.addAttribute("activity", deliveries.activitySince(start));
        model.addAttribute("backlog", deliveries.backlog());
        model.addAttribute("m5", day.m5Figures(yesterday, tomorrow));
        model.addAttribute("latest", consultation.interventions(
                new InterventionFilter(null, null, start, tomorrow, null), 0, LATEST));
        model.addAttribute("testsWaiting", consultation.lineTestsWaiting());
        model.addAttribute("refreshedAt", Instant.now());
    }
}
