package fr.eintervention.dogateway.linetest.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.dogateway.linetest.LineTestDesk;
import fr.eintervention.dogateway.web.V2Api;
import fr.eintervention.model.v2.NotifierImpacteClientsOIDOOut;
import fr.eintervention.security.CallerPartner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * M6TX, served by the DO: one OC's answer to a line test relayed by the OI. The raw body is
 * checked by v2's rules before anything is bound; a refusal is v2's error body (HTTP 400).
 */
@RestController
@V2Api
@Tag(name = "M6TX notification-impacte-clients-oi-do", description = "v2: the OCs' answers to the line tests, relayed by the OI")
class M6txController {

    private final LineTestDesk desk;

    M6txController(LineTestDesk desk) {
        this.desk = desk;
    }

    @PostMapping(path = "/v2/interventions-oi/notification-impacte-clients-oi-do", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "M6TX: one OC's answer to a line test (or to the end), from the intervention's OI",
            description = "Kept byte for byte and shown in the technician's app. The sender must be the OI that gave refIntervOI.")
    @ApiResponse(responseCode = "200", description = "{code: 0, description, numeroTest, refIntervOI}")
    @ApiResponse(responseCode = "400", description = "{error: CHAMPS_NON_RENSEIGNE | MAUVAIS_FORMAT | REF_INTERV_OI_INCONNUE, "
            + "error_description, error_parameters}")
    @ApiResponse(responseCode = "403", description = "refIntervOI is not an intervention of the caller's OI")
    NotifierImpacteClientsOIDOOut receive(@RequestBody byte[] body) {
        return desk.receive(body, CallerPartner.current());
    }
}
