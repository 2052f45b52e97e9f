package fr.eintervention.dogateway.linetest.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.dogateway.linetest.LineTestDesk;
import fr.eintervention.model.v2.NotifierImpacteClientsOIDO;
import fr.eintervention.model.v2.NotifierImpacteClientsOIDOOut;
import fr.eintervention.model.v2.api.NotifierImpacteClientsOidoApi;
import fr.eintervention.protocol.v1.web.RawBody;
import fr.eintervention.security.CallerPartner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * M6TX, served by the DO ({@code POST /v2/interventions-oi/notification-impacte-clients-oi-do}):
 * one OC's answer to a line test relayed by the OI. Wired as every v2 endpoint (protocol-rules'
 * {@code fr.eintervention.protocol.v2.web}): the body checked by v2's rules before it is bound, a
 * refusal answered with v2's error body (HTTP 400); the body is kept as received.
 */
@RestController
@Tag(name = "M6TX notification-impacte-clients-oi-do", description = "v2: the OCs' answers to the line tests, relayed by the OI")
class M6txController implements NotifierImpacteClientsOidoApi {

    private final LineTestDesk desk;

    M6txController(LineTestDesk desk) {
        this.desk = desk;
    }

    @Override
    @Operation(summary = "M6TX: one OC's answer to a line test (or to the end), from the intervention's OI",
            description = "Kept byte for byte and shown in the technician's app. The sender must be the OI that gave refIntervOI.")
    @ApiResponse(responseCode = "200", description = "{code: 0, description, numeroTest, refIntervOI}")
    @ApiResponse(responseCode = "400", description = "{error: CHAMPS_NON_RENSEIGNE | MAUVAIS_FORMAT | REF_INTERV_OI_INCONNUE, "
            + "error_description, error_parameters}")
    @ApiResponse(responseCode = "403", description = "refIntervOI is not an intervention of the caller's OI")
    public ResponseEntity<NotifierImpacteClientsOIDOOut> notifierImpacteClientsOIDO(NotifierImpacteClientsOIDO m6tx) {
        return ResponseEntity.ok(desk.receive(RawBody.current().getBytes(StandardCharsets.UTF_8), CallerPartner.current()));
    }
}
