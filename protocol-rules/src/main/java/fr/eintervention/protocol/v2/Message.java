package fr.eintervention.protocol.v2;

import static fr.eintervention.protocol.v2.ErrorCode.CHAMPS_NON_RENSEIGNE;
import static fr.eintervention.protocol.v2.ErrorCode.CODE_OI_INCONNU;
import static fr.eintervention.protocol.v2.ErrorCode.DELAI_NON_RESPECTE;
import static fr.eintervention.protocol.v2.ErrorCode.ERREUR_ITERATION;
import static fr.eintervention.protocol.v2.ErrorCode.INCOHERENCE;
import static fr.eintervention.protocol.v2.ErrorCode.M3TX_NON_DEMANDE;
import static fr.eintervention.protocol.v2.ErrorCode.MAUVAIS_FORMAT;
import static fr.eintervention.protocol.v2.ErrorCode.PM_INCONNU;
import static fr.eintervention.protocol.v2.ErrorCode.REF_INTERV_INCONNUE;
import static fr.eintervention.protocol.v2.ErrorCode.REF_INTERV_OI_INCONNUE;
import static fr.eintervention.protocol.v2.ErrorCode.TEST_NON_REALISE;
import static fr.eintervention.protocol.v2.ErrorCode.TEST_PRECEDENT_DEJA_EMIS;
import static fr.eintervention.protocol.v2.ErrorCode.TEST_PRECEDENT_NON_ACQUITTE;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.eintervention.model.v2.ClientImpacteOCParIntervention;
import fr.eintervention.model.v2.CompteRenduInterventionDO;
import fr.eintervention.model.v2.CompteRenduInterventionOI;
import fr.eintervention.model.v2.CreerInterventionDO;
import fr.eintervention.model.v2.CreerInterventionOI;
import fr.eintervention.model.v2.DemanderTestIntermediaireInterventionDO;
import fr.eintervention.model.v2.DemanderTestIntermediaireInterventionOI;
import fr.eintervention.model.v2.ModifierInterventionDO;
import fr.eintervention.model.v2.ModifierInterventionOI;
import fr.eintervention.model.v2.NotifierImpacteClientsOIDO;

/**
 * The v2 messages: the operation's request type, the flux name we send in {@code message}
 * (decision 0026), the labels the operation's contract lets its refusal carry (decision 0025) and
 * the schema the request is validated against.
 */
public enum Message {

    /** M1, DO → OI, {@code POST /interventions-do}. */
    M1(CreerInterventionDO.class, "M1", EnumSet.of(CHAMPS_NON_RENSEIGNE, CODE_OI_INCONNU, MAUVAIS_FORMAT, PM_INCONNU),
            Schemas.intervention(false)),
    /** M3, DO → OI, {@code PUT /interventions-do}. */
    M3(ModifierInterventionDO.class, "M3",
            EnumSet.of(CHAMPS_NON_RENSEIGNE, CODE_OI_INCONNU, M3TX_NON_DEMANDE, MAUVAIS_FORMAT, PM_INCONNU),
            Schemas.intervention(true)),
    /** The repair report after M3, DO → OI, {@code POST /interventions-do/compte-rendu}. */
    REPORT_DO(CompteRenduInterventionDO.class, "CR",
            EnumSet.of(CHAMPS_NON_RENSEIGNE, CODE_OI_INCONNU, MAUVAIS_FORMAT, REF_INTERV_INCONNUE),
            Schemas.reportDo()),
    /** M3TX, a line test asked, DO → OI, {@code POST /interventions-do/test-intermediaire}. */
    M3TX(DemanderTestIntermediaireInterventionDO.class, "M3TX",
            EnumSet.of(CHAMPS_NON_RENSEIGNE, CODE_OI_INCONNU, INCOHERENCE, MAUVAIS_FORMAT, REF_INTERV_INCONNUE,
                    TEST_PRECEDENT_DEJA_EMIS, TEST_PRECEDENT_NON_ACQUITTE),
            Schemas.testDo()),
    /** M2, OI → OC, {@code POST /interventions-oi}. */
    M2(CreerInterventionOI.class, "M2", EnumSet.of(CHAMPS_NON_RENSEIGNE, CODE_OI_INCONNU, MAUVAIS_FORMAT, PM_INCONNU),
            Schemas.start()),
    /** M4, OI → OC, {@code PUT /interventions-oi}. */
    M4(ModifierInterventionOI.class, "M4",
            EnumSet.of(CHAMPS_NON_RENSEIGNE, CODE_OI_INCONNU, INCOHERENCE, MAUVAIS_FORMAT, PM_INCONNU),
            Schemas.end()),
    /** The repair report relayed, OI → OC, {@code POST /interventions-oi/compte-rendu}. */
    REPORT_OI(CompteRenduInterventionOI.class, "CR",
            EnumSet.of(CHAMPS_NON_RENSEIGNE, CODE_OI_INCONNU, INCOHERENCE, MAUVAIS_FORMAT, PM_INCONNU),
            Schemas.reportOi()),
    /** M4TX, the line test relayed, OI → OC, {@code POST /interventions-oi/test-intermediaire}. */
    M4TX(DemanderTestIntermediaireInterventionOI.class, "M4TX",
            EnumSet.of(CHAMPS_NON_RENSEIGNE, CODE_OI_INCONNU, INCOHERENCE, MAUVAIS_FORMAT, REF_INTERV_OI_INCONNUE,
                    TEST_NON_REALISE),
            Schemas.testOi()),
    /** M5TX, the customers an OC found down, OC → OI, {@code POST /interventions-oi/notification-impacte-clients-oc}. */
    M5TX(ClientImpacteOCParIntervention.class, "M5TX",
            EnumSet.of(CHAMPS_NON_RENSEIGNE, DELAI_NON_RESPECTE, ERREUR_ITERATION, MAUVAIS_FORMAT, REF_INTERV_OI_INCONNUE),
            Schemas.impactsFromOc()),
    /** M6TX, what the OCs found relayed to the DO, OI → DO, {@code POST /interventions-oi/notification-impacte-clients-oi-do}. */
    M6TX(NotifierImpacteClientsOIDO.class, "M6TX", EnumSet.of(CHAMPS_NON_RENSEIGNE, MAUVAIS_FORMAT, REF_INTERV_OI_INCONNUE),
            Schemas.impactsToDo());

    private final Class<?> type;
    private final String flux;
    private final Set<ErrorCode> errors;
    private final MessageSchema schema;

    Message(Class<?> type, String flux, Set<ErrorCode> errors, MessageSchema schema) {
        this.type = type;
        this.flux = flux;
        this.errors = errors;
        this.schema = schema;
    }

    /** The generated request type. */
    public Class<?> type() {
        return type;
    }

    /** What we send in {@code message}. */
    public String flux() {
        return flux;
    }

    /** The labels this operation's refusal may carry. */
    public Set<ErrorCode> errors() {
        return EnumSet.copyOf(errors);
    }

    /** The label of a fault between fields (an end before a start): INCOHERENCE where the operation lists it. */
    public ErrorCode incoherence() {
        return errors.contains(INCOHERENCE) ? INCOHERENCE : MAUVAIS_FORMAT;
    }

    /**
     * A receiver's own refusal of this message (an unknown code, PM or reference, the line tests'
     * order): the label must be one this operation's contract lists (decision 0025).
     *
     * @param field the field at fault, as the sender named it
     */
    public Refusal refuse(ErrorCode code, String field, String reason) {
        if (!errors.contains(code)) {
            throw new IllegalArgumentException(this + " cannot be refused with " + code + ": its contract lists " + errors);
        }
        Fault fault = new Fault(field, reason, code);
        return new Refusal(code, List.of(fault), fault.describe());
    }

    MessageSchema schema() {
        return schema;
    }

    /**
     * The message a request to the contract's {@code path} (under the version's base path, e.g.
     * {@code /interventions-do}) with that HTTP method sends, or {@code null}.
     */
    public static Message at(String method, String path) {
        boolean put = "PUT".equals(method);
        return switch (path) {
            case "/interventions-do" -> put ? M3 : M1;
            case "/interventions-do/compte-rendu" -> REPORT_DO;
            case "/interventions-do/test-intermediaire" -> M3TX;
            case "/interventions-oi" -> put ? M4 : M2;
            case "/interventions-oi/compte-rendu" -> REPORT_OI;
            case "/interventions-oi/test-intermediaire" -> M4TX;
            case "/interventions-oi/notification-impacte-clients-oc" -> M5TX;
            case "/interventions-oi/notification-impacte-clients-oi-do" -> M6TX;
            default -> null;
        };
    }

    /** The message whose generated request type this is, or {@code null}. */
    public static Message forType(Class<?> type) {
        for (Message message : values()) {
            if (message.type.equals(type)) {
                return message;
            }
        }
        return null;
    }
}
