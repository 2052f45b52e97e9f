package fr.eintervention.oi.console.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.eintervention.oi.referential.Partner;
import fr.eintervention.oi.referential.Pm;
import fr.eintervention.oi.referential.ReferentialAdmin;
import fr.eintervention.oi.referential.ReferentialImporter;
import fr.eintervention.protocol.v1.ProtocolViolation;

/**
 * Référentiel: partners and where they receive messages (their credentials live in the service's
 * configuration and are never shown), PMs with the OCs present at each; forms to add and edit them;
 * the bulk import ({@link ReferentialImportPagesController}), with the job {@code import} when given.
 */
@Controller
class ReferentialPagesController {

    static final int PAGE_SIZE = 50;

    private final ReferentialAdmin admin;
    private final ReferentialImporter importer;

    ReferentialPagesController(ReferentialAdmin admin, ReferentialImporter importer) {
        this.admin = admin;
        this.importer = importer;
    }

    @GetMapping("/console/referentiel")
    String referential(@RequestParam(required = false) String apres, @RequestParam(required = false) String pm,
            @RequestParam(name = "import", required = false) Long importId,
            @RequestParam(name = "defauts", defaultValue = "0") int faultPage, Model model) {
        if (importId != null) {
            importer.find(importId).ifPresent(job -> ReferentialImportPagesController.job(model, job, faultPage));
        }
        String prefix = InterventionsController.blankToNull(pm);
        // one more than shown: whether there is a next page
        List<Pm> pms = admin.pms(InterventionsController.blankToNull(apres), prefix, PAGE_SIZE + 1);
        model.addAttribute("page", "referential");
        model.addAttribute("partners", admin.partners());
        model.addAttribute("pms", pms.subList(0, Math.min(PAGE_SIZE, pms.size())));
        model.addAttribute("next", pms.size() > PAGE_SIZE ? pms.get(PAGE_SIZE - 1).code() : null);
        model.addAttribute("apres", apres);
        model.addAttribute("pmPrefix", prefix);
        return "console/referential";
    }

    @PostMapping("/console/referentiel/partenaires")
    String savePartner(@RequestParam String code, @RequestParam String name,
            @RequestParam(required = false) String baseUrl, @RequestParam(defaultValue = "false") boolean flux3,
            @RequestParam(defaultValue = "false") boolean actsAsDo,
            @RequestParam(defaultValue = "v1") String protocolVersion, RedirectAttributes redirect) {
        try {
            admin.savePartner(new Partner(code.trim(), name.trim(), InterventionsController.blankToNull(baseUrl), flux3,
                    actsAsDo, protocolVersion));
            redirect.addFlashAttribute("saved", "Partenaire " + code.trim() + " enregistré.");
        } catch (ProtocolViolation e) {
            redirect.addFlashAttribute("fault", "Partenaire " + code + " non enregistré : " + e.answer() + " (" + e.description() + ")");
        }
        return "redirect:/console/referentiel";
    }

    @PostMapping("/console/referentiel/pms")
    String savePm(@RequestParam String code, @RequestParam String codeOi, @RequestParam(defaultValue = "") String operators,
            RedirectAttributes redirect) {
        List<String> ocs = Arrays.stream(operators.split("[,;\\s]+")).map(String::trim).filter(oc -> !oc.isEmpty()).toList();
        try {
            admin.savePm(new Pm(code.trim(), codeOi.trim(), ocs));
            redirect.addFlashAttribute("saved", "PM " + code.trim() + " enregistré.");
        } catch (ProtocolViolation e) {
            redirect.addFlashAttribute("fault", "PM " + code + " non enregistré : " + e.answer() + " (" + e.description() + ")");
        }
        return "redirect:/console/referentiel?pm=" + org.springframework.web.util.UriUtils.encodeQueryParam(code.trim(),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
