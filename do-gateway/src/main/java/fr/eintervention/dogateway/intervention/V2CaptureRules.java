package fr.eintervention.dogateway.intervention;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import fr.eintervention.dogateway.intervention.SentDeclaration.Kind;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.protocol.v2.ErrorCode;
import fr.eintervention.protocol.v2.Fault;
import fr.eintervention.protocol.v2.Message;
import fr.eintervention.protocol.v2.MessageValidator;
import fr.eintervention.protocol.v2.Nature;
import fr.eintervention.protocol.v2.Refusal;
import tools.jackson.databind.ObjectMapper;

/**
 * The capture checks for an OI that speaks v2: v2's natures, one entry per intervention (v2 has one
 * nature, one PBO and one PTO), and the OI's own v2 validation ({@link MessageValidator}) on the
 * very M1/M3 about to be sent, each fault named as the field API names it, with v2's error label.
 */
@Component
class V2CaptureRules {

    /** v2's NON FOURNIE: what goes when the technician does not tell the nature. */
    static final int NOT_PROVIDED = Integer.parseInt(Nature.NON_FOURNIE.code());

    private static final String CODES = Arrays.stream(Nature.values()).map(Nature::code).collect(Collectors.joining(", "));

    /** Where each v2 field comes from in the field API (the natures' entry aside). */
    private static final Map<String, String> API_FIELDS = Map.of(
            "codeOI", "codeOi", "pointMutualisation", "pm", "pointMutualisation.refPM", "pm",
            "pointMutualisation.refPMTechnique", "pm", "dateDebutIntervention", "start", "dateFinIntervention", "end");
    private static final Map<String, String> ENTRY_FIELDS = Map.of(
            "nature", "nature", "refPBO", "pbo", "refPTO", "pto", "elementReseau", "nature");

    private final MessageValidator validator;
    private final ObjectMapper mapper;
    private final V2Messages messages;

    V2CaptureRules(ObjectMapper mapper, Timestamps timestamps, V2Messages messages) {
        this.validator = new MessageValidator(mapper, timestamps);
        this.mapper = mapper;
        this.messages = messages;
    }

    /** The natures as given, NON FOURNIE (6) where not told; one entry of v2's natures, or refused. */
    List<NatureEntry> natures(Errors errors, String field, List<NatureEntry> entries) {
        List<NatureEntry> natures = NatureEntry.orDefault(entries, NOT_PROVIDED);
        if (natures.size() > 1) {
            errors.add(field, "one entry expected: an OI in v2 takes one nature, one PBO and one PTO per intervention",
                    ErrorCode.MAUVAIS_FORMAT);
        }
        for (int i = 0; i < natures.size(); i++) {
            if (Nature.of(String.valueOf(natures.get(i).nature())) == null) {
                errors.add(field + "[" + i + "].nature", "one of v2's natures expected: " + CODES, ErrorCode.MAUVAIS_FORMAT);
            }
        }
        return natures;
    }

    /** The OI's v2 validation of each M1/M3 about to be sent; the faults are added to {@code errors}. */
    void check(Errors errors, Intervention intervention, String m3Natures) {
        for (Kind kind : intervention.toSend()) {
            try {
                validator.validate(kind == Kind.M1 ? Message.M1 : Message.M3,
                        mapper.valueToTree(messages.message(intervention, kind)));
            } catch (Refusal refusal) {
                String naturesField = kind == Kind.M1 ? "natures" : m3Natures;
                for (Fault fault : refusal.faults()) {
                    boolean missing = fault.code() == ErrorCode.CHAMPS_NON_RENSEIGNE;
                    errors.add(apiField(fault.field(), naturesField), missing ? "required" : fault.reason(), fault.code());
                }
            }
        }
    }

    /** {@code refPBO} is {@code natures[0].pbo}; {@code dateDebutIntervention} is {@code start}... */
    private static String apiField(String protocolField, String naturesField) {
        String entry = ENTRY_FIELDS.get(protocolField);
        if (entry != null) {
            return naturesField + "[0]." + entry;
        }
        return API_FIELDS.getOrDefault(protocolField, protocolField);
    }
}
