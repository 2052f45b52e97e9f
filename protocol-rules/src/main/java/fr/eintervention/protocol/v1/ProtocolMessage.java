package fr.eintervention.protocol.v1;

import fr.eintervention.model.v1.ClientHSOCParInter;
import fr.eintervention.model.v1.InterventionDO;
import fr.eintervention.model.v1.InterventionOI;

/** The three request bodies of the protocol and their schemas (contract + docs/explanation/protocol-rules.md). */
public enum ProtocolMessage {

    /** M1 (no Fin_Inter) and M3 (with Fin_Inter), DO to OI. */
    INTERVENTION_DO(InterventionDO.class, MessageSchema.object()
            .operatorCode("Code_DO")
            .operatorCode("Code_OI")
            .reference("Ref_Interv_DO")
            .reference("PM")
            .requiredArray("Nature_PBO_PTO", MessageSchema.object()
                    .nature("nature")
                    .optionalString("PBO", 100)
                    .optionalString("PTO", 50))
            .requiredTimestamp("Debut_Inter")
            .optionalTimestamp("Fin_Inter")),

    /** M2 (no Fin_Inter) and M4, OI to OC. */
    INTERVENTION_OI(InterventionOI.class, MessageSchema.object()
            .operatorCode("Code_OI")
            .reference("Ref_Interv_OI")
            .reference("PM")
            .optionalArray("PBO", MessageSchema.object().optionalString("PBO", 100))
            .requiredTimestamp("Debut_Inter")
            .optionalTimestamp("Fin_Inter")),

    /** M5, OC to OI. */
    CLIENTS_HS(ClientHSOCParInter.class, MessageSchema.object()
            .operatorCode("Code_OC_impacte")
            .reference("Ref_Interv_OI")
            .optionalArray("Liste_Clients_HS", MessageSchema.object()
                    .requiredString("PTO", 50)
                    .requiredString("PBO", 100)
                    .requiredString("Tube", 50)
                    .requiredString("Fibre", 50)
                    .requiredString("Position_PM_Module_OI", 100)
                    .requiredTimestamp("HMS_Coupure")));

    private final Class<?> type;
    private final MessageSchema schema;

    ProtocolMessage(Class<?> type, MessageSchema schema) {
        this.type = type;
        this.schema = schema;
    }

    MessageSchema schema() {
        return schema;
    }

    /** The message whose generated contract type this is, or {@code null}. */
    public static ProtocolMessage forType(Class<?> type) {
        for (ProtocolMessage message : values()) {
            if (message.type.equals(type)) {
                return message;
            }
        }
        return null;
    }
}
