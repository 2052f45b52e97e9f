package fr.eintervention.oc.intervention.web;

import java.time.Clock;
import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.oc.intervention.InterventionSearch;
import fr.eintervention.oc.intervention.InterventionView;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.web.InstantParameter;
import fr.eintervention.web.InvalidInput;
import fr.eintervention.web.Page;
import fr.eintervention.web.ProblemDetailsApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** For the OC's own tools: which interventions touch a PM now, or between two dates. */
@RestController
@ProblemDetailsApi
@Tag(name = "Interventions", description = "Interventions received in M2/M4, with their windows and M5 state")
class InterventionQueryController {


    private final InterventionSearch search;
    private final Timestamps timestamps;
    private final Clock clock;

    InterventionQueryController(InterventionSearch search, Timestamps timestamps, Clock clock) {
        this.search = search;
        this.timestamps = timestamps;
        this.clock = clock;
    }

    @GetMapping("/interventions")
    @Operation(summary = "Interventions at an instant (at=now or a timestamp) or overlapping [from, to]; "
            + "most recent first. An intervention without M4 is taken as still going on.")
    Page<InterventionView> interventions(
            @Parameter(description = "a PM; all PMs when absent") @RequestParam(required = false) String pm,
            @Parameter(description = "now, or an ISO 8601 timestamp") @RequestParam(required = false) String at,
            @Parameter(description = "ISO 8601 timestamp or day, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "ISO 8601 timestamp or day (its start), inclusive") @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if ((at == null) == (from == null && to == null)) {
            throw new InvalidInput("at", "either at, or from and to, expected");
        }
        if (at != null) {
            Instant instant = "now".equalsIgnoreCase(at) ? Instant.now(clock) : instant("at", at);
            return search.overlapping(pm, instant, instant, page, size);
        }
        if (from == null || to == null) {
            throw new InvalidInput(from == null ? "from" : "to", "from and to expected together");
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (end.isBefore(start)) {
            throw new InvalidInput("to", "not before from expected");
        }
        return search.overlapping(pm, start, end, page, size);
    }

    private Instant instant(String name, String value) {
        return InstantParameter.parse(name, value, timestamps);
    }
}
