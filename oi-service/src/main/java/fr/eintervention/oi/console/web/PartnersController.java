package fr.eintervention.oi.console.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.delivery.DeliveryStatus;
import fr.eintervention.oi.referential.Partner;
import fr.eintervention.oi.referential.ReferentialAdmin;

/**
 * OC: each partner's health over the last 24 hours (calls, success rate, latency, 429 and 503
 * received, circuit, oldest message waiting), as the admin API gives it.
 */
@Controller
class PartnersController {

    /** the messages of a partner shown on its page, newest first */
    static final int LATEST = 20;

    private final Deliveries deliveries;
    private final ReferentialAdmin referential;

    PartnersController(Deliveries deliveries, ReferentialAdmin referential) {
        this.deliveries = deliveries;
        this.referential = referential;
    }

    @GetMapping("/console/oc")
    String list(Model model) {
        model.addAttribute("page", "partners");
        model.addAttribute("health", deliveries.health());
        model.addAttribute("names", names());
        return "console/partners";
    }

    @GetMapping("/console/oc/{code}")
    String one(@PathVariable String code, Model model) {
        Map<String, String> names = names();
        model.addAttribute("page", "partners");
        model.addAttribute("h", deliveries.health(code));
        model.addAttribute("name", Optional.ofNullable(names.get(code)).orElse("inconnu du référentiel"));
        model.addAttribute("latest", deliveries.browse(code, null, null, null, null, LATEST));
        model.addAttribute("failed", deliveries.countResendable(code, null, null, EnumSet.of(DeliveryStatus.FAILED)));
        model.addAttribute("rejected", deliveries.countResendable(code, null, null, EnumSet.of(DeliveryStatus.REJECTED)));
        return "console/partner";
    }

    private Map<String, String> names() {
        List<Partner> partners = referential.partners();
        return partners.stream().collect(Collectors.toMap(Partner::code, Partner::name, (a, b) -> a));
    }
}
