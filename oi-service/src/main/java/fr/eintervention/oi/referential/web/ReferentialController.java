package fr.eintervention.oi.referential.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.oi.referential.Partner;
import fr.eintervention.oi.referential.Pm;
import fr.eintervention.oi.referential.ReferentialAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Operators maintain the referential here: partners and PMs with the OCs present at each. */
@RestController
@RequestMapping("/admin/referential")
@Tag(name = "Referential", description = "Partners and PMs of the OI")
class ReferentialController {

    private final ReferentialAdmin admin;

    ReferentialController(ReferentialAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/partners")
    @Operation(summary = "The partners: each OC's address and flux 3, and which of them act as DOs")
    List<Partner> partners() {
        return admin.partners();
    }

    @PutMapping("/partners/{code}")
    @Operation(summary = "Create or replace a partner: an OC (baseUrl where it receives M2/M4, flux3) and/or a DO (actsAsDo); protocolVersion v1 (default) or v2, the version it speaks")
    Partner savePartner(@PathVariable String code, @RequestBody Partner partner) {
        return admin.savePartner(new Partner(code, partner.name(), partner.baseUrl(), partner.flux3(), partner.actsAsDo(),
                partner.protocolVersion()));
    }

    @GetMapping("/pms/{code}")
    @Operation(summary = "One PM: its OI code and the OCs present at it (404 when unknown)")
    Pm pm(@PathVariable String code) {
        return admin.pm(code).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "unknown PM " + code), null));
    }

    @PutMapping("/pms/{code}")
    @Operation(summary = "Create or replace a PM and the OCs present at it")
    Pm savePm(@PathVariable String code, @RequestBody Pm pm) {
        return admin.savePm(new Pm(code, pm.codeOi(), pm.operators()));
    }
}
