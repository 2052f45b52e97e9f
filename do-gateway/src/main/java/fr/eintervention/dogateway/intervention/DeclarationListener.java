package fr.eintervention.dogateway.intervention;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.eintervention.delivery.DeliveryListener;
import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.dogateway.intervention.SentDeclaration.Status;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the OI answered to each M1/M3, told by the delivery engine: recorded on the declaration
 * (the OI's reference from R M1, or its KO code, label and description; or no answer after the
 * last retry). Called at least once per outcome: recording it twice changes nothing.
 */
@Component
class DeclarationListener implements DeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(DeclarationListener.class);

    private final Interventions interventions;
    private final ObjectMapper mapper;

    DeclarationListener(Interventions interventions, ObjectMapper mapper) {
        this.interventions = interventions;
        this.mapper = mapper;
    }

    @Override
    public void onOutcome(DeliveryRecord record) {
        outcome(record).ifPresent(status -> {
            OiAnswer answer = answer(record);
            if (interventions.recordOutcome(record.id(), status, record.attempts(), answer, record.updatedAt())) {
                log.info("{} {} {}: {}", record.kind(), record.subject(), status, answer != null ? answer : "no answer");
            }
        });
    }

    /** The declaration's status for a final outcome; empty while the message is on its way. */
    private static Optional<Status> outcome(DeliveryRecord record) {
        return switch (record.status()) {
            case DELIVERED -> Optional.of(Status.ACKNOWLEDGED);
            case REJECTED -> Optional.of(Status.REJECTED);
            case FAILED -> Optional.of(Status.FAILED);
            default -> Optional.empty();
        };
    }

    /** R M1/R M3 as the OI gave it; its reference comes in the body only. Null without an answer. */
    private OiAnswer answer(DeliveryRecord record) {
        if (record.answerCode() == null && record.answerLabel() == null) {
            return null;
        }
        return new OiAnswer(record.answerCode(), record.answerLabel(), record.answerDescription(),
                refIntervOi(record.answerBody()));
    }

    private String refIntervOi(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode answer = mapper.readTree(body);
            // v1's R M1 says Ref_Interv_OI, v2's answer refIntervOI
            JsonNode ref = answer.has("Ref_Interv_OI") ? answer.get("Ref_Interv_OI") : answer.get("refIntervOI");
            return ref != null && ref.isString() ? ref.stringValue() : null;
        } catch (RuntimeException e) {
            return null; // not JSON: the code and label are all there is
        }
    }
}
