package fr.eintervention.oi.console.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.delivery.DeliveryStatus;
import fr.eintervention.oi.referential.ReferentialAdmin;

/**
 * Envois: the M2/M4 sent to the OCs, by partner, status and period; re-send one, or every FAILED
 * and REJECTED one of a partner and/or period after a confirmation that says how many.
 */
@Controller
class DeliveriesController {

    static final int PAGE_SIZE = 50;
    static final Set<DeliveryStatus> UNSETTLED = EnumSet.of(DeliveryStatus.FAILED, DeliveryStatus.REJECTED);

    private final Deliveries deliveries;
    private final ReferentialAdmin referential;
    private final ConsoleDates dates;

    DeliveriesController(Deliveries deliveries, ReferentialAdmin referential, ConsoleDates dates) {
        this.deliveries = deliveries;
        this.referential = referential;
        this.dates = dates;
    }

    /** The filter's fields, as typed. */
    record Filter(String partenaire, String statut, String du, String au) {

        public String partner() {
            return InterventionsController.blankToNull(partenaire);
        }

        public DeliveryStatus status() {
            try {
                return statut == null || statut.isBlank() ? null : DeliveryStatus.valueOf(statut);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        Instant from(ConsoleDates dates) {
            LocalDate day = ConsoleDates.parseDay(du);
            return day == null ? null : dates.startOf(day);
        }

        Instant to(ConsoleDates dates) {
            LocalDate day = ConsoleDates.parseDay(au);
            return day == null ? null : dates.startOf(day.plusDays(1));
        }

        public boolean bounded() {
            return partner() != null || ConsoleDates.parseDay(du) != null || ConsoleDates.parseDay(au) != null;
        }

        public String query() {
            return UriComponentsBuilder.newInstance()
                    .queryParamIfPresent("partenaire", java.util.Optional.ofNullable(partner()))
                    .queryParamIfPresent("statut", java.util.Optional.ofNullable(status()))
                    .queryParamIfPresent("du", java.util.Optional.ofNullable(ConsoleDates.parseDay(du)))
                    .queryParamIfPresent("au", java.util.Optional.ofNullable(ConsoleDates.parseDay(au)))
                    .build().encode().toUriString();
        }
    }

    @GetMapping("/console/envois")
    String list(Filter filter, @RequestParam(required = false) Long avant, Model model) {
        // one more than shown: whether older messages follow (keyset pages: no count, no offset)
        List<DeliveryRecord> found = deliveries.browse(filter.partner(), filter.status(), filter.from(dates), filter.to(dates),
                avant, PAGE_SIZE + 1);
        List<DeliveryRecord> shown = found.subList(0, Math.min(PAGE_SIZE, found.size()));
        model.addAttribute("page", "deliveries");
        model.addAttribute("filter", filter);
        model.addAttribute("messages", shown);
        model.addAttribute("first", avant == null);
        model.addAttribute("older", found.size() > PAGE_SIZE ? shown.get(shown.size() - 1).id() : null);
        model.addAttribute("base", "/console/envois" + filter.query());
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("partners", referential.partners());
        model.addAttribute("backlog", deliveries.backlog());
        if (filter.bounded()) {
            model.addAttribute("resendable", deliveries.countResendable(filter.partner(), filter.from(dates), filter.to(dates),
                    UNSETTLED));
        }
        return "console/deliveries";
    }

    /** One message: where it stands, its body, and every attempt at it. */
    @GetMapping("/console/envois/{id}")
    String one(@PathVariable long id, Model model) {
        DeliveryRecord message = deliveries.byId(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "message inconnu"));
        model.addAttribute("page", "deliveries");
        model.addAttribute("d", message);
        model.addAttribute("attempts", deliveries.attempts(id));
        return "console/delivery";
    }

    /** Re-sends one message; answers its row as it is now (htmx swaps it in place). */
    @PostMapping("/console/envois/{id}/renvoyer")
    String resendOne(@PathVariable long id, Model model) {
        DeliveryRecord message;
        try {
            message = deliveries.resend(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            model.addAttribute("notice", "renvoyé");
        } catch (Deliveries.NotResendableException e) {
            message = deliveries.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            model.addAttribute("notice", "non renvoyable : " + message.status());
        }
        model.addAttribute("d", message);
        return "console/delivery-row :: row";
    }

    /** Asks to confirm a bulk re-send: how many messages it would queue again. */
    @GetMapping("/console/envois/renvoi")
    String confirm(Filter filter, Model model) {
        model.addAttribute("page", "deliveries");
        model.addAttribute("filter", filter);
        model.addAttribute("bounded", filter.bounded());
        model.addAttribute("count", filter.bounded()
                ? deliveries.countResendable(filter.partner(), filter.from(dates), filter.to(dates), UNSETTLED) : 0);
        return "console/resend";
    }

    @PostMapping("/console/envois/renvoi")
    String resendAll(Filter filter, RedirectAttributes redirect) {
        if (!filter.bounded()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "un partenaire et/ou une période");
        }
        int requeued = deliveries.resendAll(filter.partner(), filter.from(dates), filter.to(dates), UNSETTLED);
        redirect.addFlashAttribute("requeued", requeued);
        Filter shown = new Filter(filter.partenaire(), null, filter.du(), filter.au());
        return "redirect:/console/envois" + shown.query();
    }
}
