package fr.eintervention.oi.consultation.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.oi.consultation.Consultation;
import fr.eintervention.oi.consultation.InterventionDetail;
import fr.eintervention.oi.consultation.InterventionFilter;
import fr.eintervention.oi.consultation.InterventionSummary;
import fr.eintervention.oi.consultation.Statistics;
import fr.eintervention.oi.consultation.StatisticsQueries;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.web.InstantParameter;
import fr.eintervention.web.InvalidInput;
import fr.eintervention.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The OI's consultation API: interventions, what each OC received and said, statistics. */
@RestController
@RequestMapping("/consultation")
@Tag(name = "Consultation", description = "Interventions, deliveries, impacted customers and statistics")
class ConsultationController {


    private final Consultation consultation;
    private final StatisticsQueries statistics;
    private final Timestamps timestamps;

    ConsultationController(Consultation consultation, StatisticsQueries statistics, Timestamps timestamps) {
        this.consultation = consultation;
        this.statistics = statistics;
        this.timestamps = timestamps;
    }

    @GetMapping("/interventions")
    @Operation(summary = "Interventions, most recent first, filtered by PM, DO, period (Debut_Inter) and state")
    Page<InterventionSummary> interventions(
            @RequestParam(required = false) String pm,
            @RequestParam(required = false) String codeDo,
            @Parameter(description = "ISO 8601, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "ISO 8601, exclusive") @RequestParam(required = false) String to,
            @Parameter(description = "OPEN, ENDED or IMPACTED") @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Page.check(page, size);
        InterventionFilter.State parsedState = null;
        if (state != null) {
            try {
                parsedState = InterventionFilter.State.valueOf(state.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("state", "OPEN, ENDED or IMPACTED");
            }
        }
        return consultation.interventions(new InterventionFilter(pm, codeDo, instant("from", from),
                instant("to", to), parsedState), page, size);
    }

    @GetMapping("/interventions/{refIntervOi}")
    @Operation(summary = "One intervention: M1/M3 received, M2/M4 delivery and M5 state per OC, impacted customers")
    InterventionDetail intervention(@PathVariable String refIntervOi) {
        return consultation.intervention(refIntervOi).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "unknown Ref_Interv_OI " + refIntervOi), null));
    }

    @GetMapping("/statistics")
    @Operation(summary = "Interventions, interventions with impacted customers, impacted customers and rate, by DO, PM or day")
    List<Statistics> statistics(@RequestParam String from, @RequestParam String to,
            @Parameter(description = "DO, PM or DAY (day of Debut_Inter, Europe/Paris)") @RequestParam(defaultValue = "DO") String by) {
        StatisticsQueries.GroupBy groupBy;
        try {
            groupBy = StatisticsQueries.GroupBy.valueOf(by.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("by", "DO, PM or DAY");
        }
        return statistics.statistics(instant("from", from), instant("to", to), groupBy);
    }

    @GetMapping("/statistics/pm-ranking")
    @Operation(summary = "PMs ranked by incident rate, worst first (the spec's PM blacklist idea)")
    List<Statistics> pmRanking(@RequestParam String from, @RequestParam String to,
            @RequestParam(defaultValue = "5") int minInterventions,
            @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > Page.MAX_SIZE) {
            throw new InvalidInput("limit", "between 1 and " + Page.MAX_SIZE + " expected");
        }
        return statistics.pmRanking(instant("from", from), instant("to", to), minInterventions, limit);
    }

    private Instant instant(String name, String value) {
        return InstantParameter.parse(name, value, timestamps);
    }
}
