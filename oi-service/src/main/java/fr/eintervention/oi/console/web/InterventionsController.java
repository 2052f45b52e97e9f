package fr.eintervention.oi.console.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.delivery.DeliveryStatus;
import fr.eintervention.oi.consultation.Consultation;
import fr.eintervention.oi.consultation.InterventionDetail;
import fr.eintervention.oi.consultation.InterventionFilter;
import fr.eintervention.oi.consultation.InterventionSummary;
import fr.eintervention.oi.linetest.LineTests;
import fr.eintervention.web.Page;

/** Interventions: search by reference (OI or DO), PM, DO, period and state; each one's timeline. */
@Controller
class InterventionsController {

    static final int PAGE_SIZE = 50;
    /** the most rows a CSV export of a search holds */
    static final int EXPORT_MAX = 10_000;

    private final Consultation consultation;
    private final Deliveries deliveries;
    private final ConsoleDates dates;

    InterventionsController(Consultation consultation, Deliveries deliveries, ConsoleDates dates) {
        this.consultation = consultation;
        this.deliveries = deliveries;
        this.dates = dates;
    }

    /** The search form's fields, as typed. */
    record Search(String reference, String pm, String codeDo, String du, String au, String etat) {

        InterventionFilter filter(ConsoleDates dates) {
            LocalDate from = ConsoleDates.parseDay(du);
            LocalDate to = ConsoleDates.parseDay(au);
            return new InterventionFilter(blankToNull(pm), blankToNull(codeDo),
                    from == null ? null : dates.startOf(from), to == null ? null : dates.startOf(to.plusDays(1)),
                    state(), blankToNull(reference));
        }

        /** This search's URL, to page through it. */
        String url() {
            return UriComponentsBuilder.fromPath("/console/interventions")
                    .queryParamIfPresent("reference", Optional.ofNullable(blankToNull(reference)))
                    .queryParamIfPresent("pm", Optional.ofNullable(blankToNull(pm)))
                    .queryParamIfPresent("codeDo", Optional.ofNullable(blankToNull(codeDo)))
                    .queryParamIfPresent("du", Optional.ofNullable(blankToNull(du)))
                    .queryParamIfPresent("au", Optional.ofNullable(blankToNull(au)))
                    .queryParamIfPresent("etat", Optional.ofNullable(blankToNull(etat)))
                    .build().encode().toUriString();
        }

        InterventionFilter.State state() {
            return switch (etat == null ? "" : etat) {
                case "OPEN" -> InterventionFilter.State.OPEN;
                case "ENDED" -> InterventionFilter.State.ENDED;
                case "IMPACTED" -> InterventionFilter.State.IMPACTED;
                default -> null;
            };
        }
    }

    @GetMapping("/console/interventions")
    String list(Search search, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<InterventionSummary> results = consultation.interventions(search.filter(dates), Math.max(0, page), PAGE_SIZE);
        model.addAttribute("page", "interventions");
        model.addAttribute("search", search);
        model.addAttribute("results", results);
        model.addAttribute("pages", (results.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("pagerBase", search.url());
        return "console/interventions";
    }

    @GetMapping("/console/interventions.csv")
    ResponseEntity<byte[]> export(Search search) {
        List<List<Object>> rows = new ArrayList<>();
        for (InterventionSummary i : consultation.interventions(search.filter(dates), 0, EXPORT_MAX).items()) {
            rows.add(List.of(i.refIntervOi(), i.codeDo(), i.refIntervDo(), i.pm(), dates.format(i.debutInter()),
                    dates.format(i.finInter()), i.lateStart() ? "oui" : "non", i.impactedCustomers()));
        }
        return CsvTable.download("interventions.csv", List.of("Ref_Interv_OI", "Code_DO", "Ref_Interv_DO", "PM",
                "Debut_Inter", "Fin_Inter", "Debut tardif", "Clients impactes"), rows);
    }

    @GetMapping("/console/interventions/{refIntervOi}")
    String one(@PathVariable String refIntervOi, Model model) {
        model.addAttribute("page", "interventions");
        operators(refIntervOi, model);
        return "console/intervention";
    }

    /** The page's part per OC, as it is now: what the page redraws while an M5 or a message is awaited. */
    @GetMapping("/console/interventions/{refIntervOi}/oc")
    String live(@PathVariable String refIntervOi, Model model) {
        operators(refIntervOi, model);
        return "console/intervention :: operators";
    }

    private void operators(String refIntervOi, Model model) {
        InterventionDetail detail = consultation.intervention(refIntervOi)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "intervention inconnue"));
        // every message sent about it, per OC, in the order queued: corrected and re-sent ones included
        Map<String, List<DeliveryRecord>> sent = new TreeMap<>();
        List<DeliveryRecord> messages = new ArrayList<>(deliveries.bySubject(refIntervOi));
        for (DeliveryRecord message : messages) {
            sent.computeIfAbsent(message.partner(), oc -> new ArrayList<>()).add(message);
        }
        // the M6TX to the DO, each under a subject of its own
        List<DeliveryRecord> toDo = deliveries.bySubjects(detail.toDo().stream()
                .map(m6tx -> LineTests.m6txSubject(refIntervOi, m6tx.oc(), m6tx.numeroTest())).toList());
        messages.addAll(toDo);
        boolean awaited = detail.operators().stream().anyMatch(oc -> oc.m5() == InterventionDetail.M5State.AWAITED)
                || messages.stream().anyMatch(message -> WAITING.contains(message.status()));
        model.addAttribute("detail", detail);
        model.addAttribute("sent", sent);
        model.addAttribute("sentToDo", toDo);
        model.addAttribute("attempts", deliveries.attemptsOf(messages));
        model.addAttribute("live", awaited);
    }

    /** statuses of a message still being tried */
    private static final Set<DeliveryStatus> WAITING = EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING);

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
