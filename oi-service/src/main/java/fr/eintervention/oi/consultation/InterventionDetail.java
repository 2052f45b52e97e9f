package fr.eintervention.oi.consultation;

import java.time.Instant;
import java.util.List;

/**
 * One intervention with everything the OI knows of it (phase 4 of the spec): the M1/M3 received
 * (and v2's repair report), in which version, and per OC the M2/M4 delivery state, the M5 state,
 * the customers it reported and what a message relayed in the other version lost.
 *
 * @param protocolVersion the version of the last declaration received
 * @param v2Details       what a v2 declaration said beyond v1's fields (JSON), null for v1
 * @param losses          what the messages relayed to the OCs could not carry, oldest first
 * @param lineTests       the line tests' messages, in order
 * @param toDo            the M6TX queued to the DO, one per OC's answer, in order, with where each stands
 */
public record InterventionDetail(InterventionSummary intervention, List<Nature> natures, List<ReceivedMessage> messages,
        List<OcView> operators, String protocolVersion, String v2Details, List<RelayLoss> losses,
        List<LineTestMessage> lineTests, List<DoDelivery> toDo) {

    /**
     * An M6TX to the DO: the answer of {@code oc} to test {@code numeroTest} ({@code null}: the
     * end's), where its latest delivery stands.
     */
    public record DoDelivery(String kind, String oc, Integer numeroTest, Delivery delivery) {
    }

    /**
     * A line test's message: an M3TX accepted, an OC's M5TX, an M6TX queued to the DO.
     *
     * @param numeroTest null for the end's round
     * @param oc         the OC that answered (M5TX, M6TX); null for M3TX
     * @param answer     what an M5TX or M6TX tells, in French ("1 client coupé", "aucun client coupé, 1 ligne
     *                   rétablie"); null for M3TX
     */
    public record LineTestMessage(String kind, Integer numeroTest, String oc, Instant at, String payload, String answer) {
    }

    /**
     * A loss of a relay to an OC (the console's "relayée avec perte").
     *
     * @param sent false when the message itself could not be sent (a report to a v1 OC)
     */
    public record RelayLoss(String oc, String kind, boolean sent, String field, String value, String reason, Instant at) {
    }

    /** The losses of the relays to that OC. */
    public List<RelayLoss> lossesOf(String oc) {
        return losses.stream().filter(loss -> loss.oc().equals(oc)).toList();
    }

    public record Nature(int nature, String pbo, String pto) {
    }

    public record ReceivedMessage(String kind, String outcome, Instant receivedAt, String payload, String protocolVersion) {
    }

    /**
     * The M5 state of an OC: not expected (no flux 3, or the intervention was withdrawn from it),
     * awaited, received, or missing after the deadline.
     */
    public enum M5State { NOT_EXPECTED, AWAITED, RECEIVED, MISSING }

    public record Delivery(long id, String status, int attempts, Instant lastAttemptAt, Instant deliveredAt,
            String answerLabel, String answerDescription) {
    }

    /**
     * @param withdrawnFromPm the PM this OC was told, when a correction moved the intervention
     *                        away from it (its M4 closed the window there); null otherwise
     */
    public record OcView(String oc, boolean flux3, Delivery m2, Delivery m4, M5State m5, Instant m5ReceivedAt,
            List<Customer> impactedCustomers, String withdrawnFromPm) {
    }

    public record Customer(String pto, String pbo, String tube, String fibre, String positionPmModuleOi,
            Instant hmsCoupure, boolean outsideWindow) {
    }
}
