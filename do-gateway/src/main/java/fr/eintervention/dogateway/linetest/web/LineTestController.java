package fr.eintervention.dogateway.linetest.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.dogateway.linetest.LineTestDesk;
import fr.eintervention.dogateway.linetest.LineTestsView;
import fr.eintervention.dogateway.linetest.TestRequest;
import fr.eintervention.web.ProblemDetailsApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The field API's line tests: "Tester les lignes" and what the OCs answered, per test. */
@RestController
@ProblemDetailsApi(unreadableBodyProtocolAnswer = "MAUVAIS_FORMAT")
@Tag(name = "Line tests", description = "Line tests during an intervention (OI in v2): M3TX sent, M6TX received")
class LineTestController {

    private final LineTestDesk desk;

    LineTestController(LineTestDesk desk) {
        this.desk = desk;
    }

    @PostMapping("/interventions/{ref}/line-tests")
    @Operation(summary = "Tester les lignes: queue test numeroTest (M3TX) to the intervention's OI",
            description = "dateTest is the tap, however late the app sends it (a test reaching the gateway more than a "
                    + "minute after its tap is marked late). Posting the same test again changes nothing.")
    @ApiResponse(responseCode = "200", description = "queued; the intervention's tests")
    @ApiResponse(responseCode = "400", description = "numeroTest or dateTest invalid")
    @ApiResponse(responseCode = "409", description = "the OI speaks v1, has not acknowledged the start yet (try again), "
            + "the intervention has ended, or the number is not the next one")
    LineTestsView ask(@PathVariable String ref, @RequestBody TestRequest request) {
        return desk.ask(ref, request);
    }

    @GetMapping("/interventions/{ref}/line-tests")
    @Operation(summary = "What the OCs answered to each test, as the app shows it (French text per OC, summary per test)")
    LineTestsView tests(@PathVariable String ref) {
        return desk.view(ref);
    }
}
