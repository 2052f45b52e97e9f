package fr.eintervention.protocol.v2;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.eintervention.model.v1.InterventionDO;
import fr.eintervention.model.v1.InterventionOI;
import fr.eintervention.model.v1.NaturePBOPTO;
import fr.eintervention.model.v1.PBO;
import fr.eintervention.model.v2.CompteRenduInterventionOI;
import fr.eintervention.model.v2.CreerInterventionDO;
import fr.eintervention.model.v2.CreerInterventionOI;
import fr.eintervention.model.v2.LigneImpacte;
import fr.eintervention.model.v2.LigneRetablie;
import fr.eintervention.model.v2.ModifierInterventionDO;
import fr.eintervention.model.v2.ModifierInterventionOI;
import fr.eintervention.protocol.v1.Answer;

/**
 * A v2 message rendered in v1, with what v1 cannot carry as {@link Loss}es
 * (docs/explanation/version-mapping.md, decision 0029). Pure: no I/O, no clock.
 */
public final class V2ToV1 {

    static final String NO_REPORT = "v1 n'a pas de compte-rendu: rien n'est envoye a un OC en v1";

    private V2ToV1() {
    }

    /** A v2 M1 as a v1 M1. */
    public static Mapped<InterventionDO> m1(CreerInterventionDO v2) {
        List<Loss> losses = new ArrayList<>();
        return new Mapped<>(declaration(v2, losses), losses);
    }

    /** A v2 M3 as a v1 M3 (an M1 with {@code Fin_Inter}). */
    public static Mapped<InterventionDO> m3(ModifierInterventionDO v2) {
        List<Loss> losses = new ArrayList<>();
        return new Mapped<>(declaration(Convert.to(v2, CreerInterventionDO.class), losses), losses);
    }

    private static InterventionDO declaration(CreerInterventionDO v2, List<Loss> losses) {
        String refPM = v2.getPointMutualisation().getRefPM();
        technicalPm(refPM, v2.getPointMutualisation().getRefPMTechnique(), losses);
        Nature nature = Nature.of(v2.getNature().getValue());
        if (!V1ToV2.nature(nature.v1(), v2.getCodeDO(), v2.getCodeOI(), "nature", new ArrayList<>()).equals(nature)) {
            losses.add(new Loss("nature", nature.code() + " " + nature.label(),
                    "v1 n'a que RACC, SAV, NON FOURNIE: envoye " + nature.v1() + " " + v1Label(nature.v1())));
        }
        String pbo = V1ToV2.present(v2.getRefPBO());
        String pto = V1ToV2.present(v2.getRefPTO());
        element(v2.getElementReseau() == null ? null : v2.getElementReseau().getValue(), V1ToV2.element(pbo, pto), losses);
        if (v2.getReferencePrestationPrise() != null) {
            losses.add(new Loss("referencePrestationPrise", v2.getReferencePrestationPrise(), "absent de v1"));
        }
        return new InterventionDO()
                .codeDO(v2.getCodeDO())
                .codeOI(v2.getCodeOI())
                .refIntervDO(v2.getRefIntervDO())
                .PM(refPM)
                .naturePBOPTO(List.of(new NaturePBOPTO(NaturePBOPTO.NatureEnum.fromValue(nature.v1())).PBO(pbo).PTO(pto)))
                .debutInter(v2.getDateDebutIntervention())
                .finInter(v2.getDateFinIntervention());
    }

    /** A v2 M2 as a v1 M2; the {@code refPBO} we send for "no PBO" is no PBO. */
    public static Mapped<InterventionOI> m2(CreerInterventionOI v2) {
        List<Loss> losses = new ArrayList<>();
        String refPM = v2.getPointMutualisation().getRefPM();
        technicalPm(refPM, v2.getPointMutualisation().getRefPMTechnique(), losses);
        String pbo = V1ToV2.UNKNOWN_PBO.equals(v2.getRefPBO()) ? null : V1ToV2.present(v2.getRefPBO());
        element(v2.getElementReseau() == null ? null : v2.getElementReseau().getValue(), V1ToV2.element(pbo, null), losses);
        description(v2.getDescription(), losses);
        return new Mapped<>(relay(v2.getCodeOI(), v2.getRefIntervOI(), refPM, pbo == null ? List.of() : List.of(pbo))
                .debutInter(v2.getDateDebutIntervention()), losses);
    }

    /**
     * A v2 M4 as a v1 M4. v2's M4 carries no PBO: {@code pbos} are those of the intervention (what
     * its M2 carried), so that a v1 OC does not take the M4 for a correction that removes them.
     */
    public static Mapped<InterventionOI> m4(ModifierInterventionOI v2, List<String> pbos) {
        List<Loss> losses = new ArrayList<>();
        String refPM = v2.getPointMutualisation().getRefPM();
        technicalPm(refPM, v2.getPointMutualisation().getRefPMTechnique(), losses);
        String first = pbos.isEmpty() ? null : pbos.get(0);
        element(v2.getElementReseau() == null ? null : v2.getElementReseau().getValue(), V1ToV2.element(first, null), losses);
        description(v2.getDescription(), losses);
        losses.add(new Loss("dateTestFinFroid", String.valueOf(v2.getDateTestFinFroid()), "absent de v1"));
        return new Mapped<>(relay(v2.getCodeOI(), v2.getRefIntervOI(), refPM, pbos)
                .debutInter(v2.getDateDebutIntervention())
                .finInter(v2.getDateFinIntervention()), losses);
    }

    /** A v2 repair report towards a v1 OC: v1 has no such message, nothing is sent, every line is lost. */
    public static Mapped<Void> report(CompteRenduInterventionOI v2) {
        List<Loss> losses = new ArrayList<>();
        losses.add(new Loss("compte-rendu", v2.getRefIntervOI(), NO_REPORT));
        List<LigneImpacte> impacted = v2.getLignesImpactees() == null ? List.of() : v2.getLignesImpactees();
        for (int i = 0; i < impacted.size(); i++) {
            LigneImpacte line = impacted.get(i);
            losses.add(new Loss("lignesImpactees[" + i + "]",
                    line(line.getRefPTO(), line.getReferencePrestationPrise(), line.getNumeroSerieONT()), NO_REPORT));
        }
        List<LigneRetablie> restored = v2.getLignesRetablies() == null ? List.of() : v2.getLignesRetablies();
        for (int i = 0; i < restored.size(); i++) {
            LigneRetablie line = restored.get(i);
            losses.add(new Loss("lignesRetablies[" + i + "]",
                    line(line.getRefPTO(), line.getReferencePrestationPrise(), line.getNumeroSerieONT()), NO_REPORT));
        }
        return new Mapped<>(null, losses);
    }

    /**
     * v1's answer for a v2 refusal: the same label where v1 has it; an unknown reference (DO's or
     * OI's) is REF_INTERV_OI_INCONNUE; every other label (INCOHERENCE, the line tests') MAUVAIS_FORMAT.
     */
    public static Answer answer(ErrorCode code) {
        return switch (code) {
            case CHAMPS_NON_RENSEIGNE -> Answer.CHAMPS_NON_RENSEIGNE;
            case CODE_OI_INCONNU -> Answer.CODE_OI_INCONNU;
            case PM_INCONNU -> Answer.PM_INCONNU;
            case REF_INTERV_INCONNUE, REF_INTERV_OI_INCONNUE -> Answer.REF_INTERV_OI_INCONNUE;
            default -> Answer.MAUVAIS_FORMAT;
        };
    }

    private static InterventionOI relay(String codeOI, String refIntervOI, String pm, List<String> pbos) {
        return new InterventionOI()
                .codeOI(codeOI)
                .refIntervOI(refIntervOI)
                .PM(pm)
                .PBO(pbos.stream().map(pbo -> new PBO().PBO(pbo)).toList());
    }

    private static void technicalPm(String refPM, String refPMTechnique, List<Loss> losses) {
        if (refPMTechnique != null && !refPMTechnique.equals(refPM)) {
            losses.add(new Loss("pointMutualisation.refPMTechnique", refPMTechnique, "v1 ne connait que le PM reglementaire"));
        }
    }

    /** {@code elementReseau} is lost only when v1's PBO and PTO do not tell it again. */
    private static void element(String given, String derived, List<Loss> losses) {
        if (given != null && !given.equals(derived)) {
            losses.add(new Loss("elementReseau", given, "absent de v1"));
        }
    }

    private static void description(String description, List<Loss> losses) {
        if (description != null && !description.isBlank()) {
            losses.add(new Loss("description", description, "absent de v1"));
        }
    }

    private static String line(String refPTO, String referencePrestationPrise, String numeroSerieONT) {
        return Stream.of(refPTO == null ? null : "PTO " + refPTO,
                        referencePrestationPrise == null ? null : "prestation " + referencePrestationPrise,
                        numeroSerieONT == null ? null : "ONT " + numeroSerieONT)
                .filter(Objects::nonNull).collect(Collectors.joining(", "));
    }

    private static String v1Label(int nature) {
        return switch (nature) {
            case Nature.V1_RACC -> "RACC";
            case Nature.V1_SAV -> "SAV";
            default -> "NON FOURNIE";
        };
    }
}
