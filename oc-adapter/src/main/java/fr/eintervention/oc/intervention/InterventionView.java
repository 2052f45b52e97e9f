package fr.eintervention.oc.intervention;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An intervention as the OC's tools see it.
 *
 * @param finInter absent until the M4
 * @param m5       absent when no M5 was ever scheduled (no M4 yet, or flux 3 off)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InterventionView(String codeOi, String refIntervOi, String pm, List<String> pbos,
        OffsetDateTime debutInter, OffsetDateTime finInter, M5 m5) {

    /**
     * @param dueAt          when the next M5 is due, absent when none is waiting
     * @param sent           how many M5 were queued (more than one: corrections)
     * @param lastQueuedAt   when the last one was queued
     * @param lastCustomers  how many customers it listed
     * @param deliveryId     its message in the delivery engine ({@code /admin/deliveries/{id}})
     * @param outcome        how its delivery ended: DELIVERED, REJECTED or FAILED; absent while under way
     * @param answer         the OI's {@code Libelle_Reponse}, e.g. REF_INTERV_OI_INCONNUE
     * @param failure        why the adapter could not send it at all (outcome FAILED, nothing queued),
     *                       e.g. more customers than an M5 can carry
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record M5(OffsetDateTime dueAt, int sent, OffsetDateTime lastQueuedAt, Integer lastCustomers,
            Long deliveryId, String outcome, String answer, String failure) {
    }
}
