package fr.eintervention.delivery.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.web.Page;
import fr.eintervention.delivery.DeliveryAttempt;
import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.delivery.DeliveryStatus;
import fr.eintervention.delivery.PartnerBacklog;
import fr.eintervention.delivery.PartnerHealth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The operators' view of the messages a service sends: where each one stands, manual re-send,
 * backlog per partner. Errors are Problem Details, handled here so that they stay so whatever
 * the service's own error handling.
 */
@RestController
@RequestMapping("/admin/deliveries")
@Tag(name = "Deliveries", description = "Messages sent to partners (M1/M3, M2/M4, M5): status, every attempt, manual re-send, backlog, each partner's health")
public class DeliveryAdminController {

    private final Deliveries deliveries;

    DeliveryAdminController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** How many messages a bulk re-send queued again. */
    public record Requeued(int requeued) {
    }

    @GetMapping
    @Operation(summary = "Messages, newest first, filtered by subject (intervention reference), partner and status")
    public Page<DeliveryRecord> list(
            @Parameter(description = "the reference the message is about, e.g. a Ref_Interv_OI") @RequestParam(required = false) String subject,
            @Parameter(description = "the receiver's operator code") @RequestParam(required = false) String partner,
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return deliveries.search(subject, partner, status, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One message: body sent, attempts, the partner's last answer")
    public DeliveryRecord one(@PathVariable long id) {
        return deliveries.byId(id).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/{id}/attempts")
    @Operation(summary = "Every attempt at one message, oldest first: time, duration, HTTP status or network error, "
            + "the partner's answer, the retry it scheduled")
    public List<DeliveryAttempt> attempts(@PathVariable long id) {
        deliveries.byId(id).orElseThrow(() -> notFound(id));
        return deliveries.attempts(id);
    }

    @GetMapping("/partners")
    @Operation(summary = "Each partner's health over the last 24 hours: calls, success rate, answer latency p50/p95, "
            + "429 and 503 received, circuit state (this instance's) and when it changed, oldest message waiting")
    public List<PartnerHealth> partners() {
        return deliveries.health();
    }

    @GetMapping("/partners/{partner}")
    @Operation(summary = "One partner's health over the last 24 hours (zeros when it was not called)")
    public PartnerHealth partner(@Parameter(description = "the partner's operator code, e.g. OC01") @PathVariable String partner) {
        return deliveries.health(partner);
    }

    @PostMapping("/{id}/resend")
    @Operation(summary = "Re-send one message now (FAILED, REJECTED, DELIVERED, or PENDING before its next retry), "
            + "re-rendered from current data where the service supports it")
    public DeliveryRecord resend(@PathVariable long id) {
        return deliveries.resend(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/resend")
    @Operation(summary = "Re-send every FAILED and REJECTED message of a partner and/or queued in [from, to)")
    public Requeued resendAll(
            @Parameter(description = "the receiver's operator code") @RequestParam(required = false) String partner,
            @Parameter(description = "queued at or after, ISO 8601, e.g. 2026-11-24T00:00:00Z") @RequestParam(required = false) Instant from,
            @Parameter(description = "queued before, ISO 8601") @RequestParam(required = false) Instant to) {
        if (partner == null && from == null && to == null) {
            throw problem(HttpStatus.BAD_REQUEST, "give a partner and/or a period (from, to): re-sending everything is not an option");
        }
        return new Requeued(deliveries.resendAll(partner, from, to, EnumSet.of(DeliveryStatus.FAILED, DeliveryStatus.REJECTED)));
    }

    @GetMapping("/backlog")
    @Operation(summary = "Per partner: messages pending, failed, rejected, and the age of the oldest pending one")
    public List<PartnerBacklog> backlog() {
        return deliveries.backlog();
    }

    /** A query or path parameter that does not read: a bad date, status or id. */
    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(TypeMismatchException e) {
        return answer(problem(HttpStatus.BAD_REQUEST, "parameter " + e.getPropertyName() + ": cannot read '" + e.getValue() + "'"
                + (e.getRequiredType() == Instant.class ? " (ISO 8601 expected, e.g. 2026-11-24T00:00:00Z)" : "")));
    }

    @ExceptionHandler(Deliveries.NotResendableException.class)
    ResponseEntity<ProblemDetail> notResendable(Deliveries.NotResendableException e) {
        return answer(problem(HttpStatus.CONFLICT, e.getMessage()));
    }

    /** Ours (404, 400) and Spring's (e.g. a page size out of bounds). */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> answer(ErrorResponseException e) {
        return ResponseEntity.of(e.getBody()).build();
    }

    private static ErrorResponseException notFound(long id) {
        return problem(HttpStatus.NOT_FOUND, "no message " + id);
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
