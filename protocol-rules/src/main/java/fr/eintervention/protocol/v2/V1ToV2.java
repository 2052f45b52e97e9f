package fr.eintervention.protocol.v2;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import fr.eintervention.model.v1.InterventionDO;
import fr.eintervention.model.v1.InterventionOI;
import fr.eintervention.model.v1.NaturePBOPTO;
import fr.eintervention.model.v2.CreerInterventionDO;
import fr.eintervention.model.v2.CreerInterventionOI;
import fr.eintervention.model.v2.ModifierInterventionDO;
import fr.eintervention.model.v2.ModifierInterventionOI;
import fr.eintervention.model.v2.PointMutualisation;
import fr.eintervention.protocol.v1.Answer;

/**
 * A v1 message rendered in v2, with what v2 cannot carry as {@link Loss}es
 * (docs/explanation/version-mapping.md, decision 0028). Pure: no I/O, no clock.
 */
public final class V1ToV2 {

    /** {@code dateTestFinFroid} = the end plus this, by default (the sequence's "J+15", decision 0026). */
    public static final Duration COLD_TEST_DELAY = Duration.ofDays(15);
    /** {@code refPBO} of a v2 M2 when the DO gave no PBO: v2 requires one (decision 0028). */
    public static final String UNKNOWN_PBO = "inconnu";
    static final int DESCRIPTION_MAX_LENGTH = 200;
    static final String ONE_ENTRY = "v2: une nature, un PBO et un PTO par intervention; seule la premiere entree est envoyee";

    private V1ToV2() {
    }

    /** A v1 M1 (no {@code Fin_Inter}) as a v2 M1. */
    public static Mapped<CreerInterventionDO> m1(InterventionDO v1) {
        if (v1.getFinInter() != null) {
            throw new IllegalArgumentException("an M1 has no Fin_Inter: use m3");
        }
        List<Loss> losses = new ArrayList<>();
        return new Mapped<>(start(v1, losses), losses);
    }

    /** A v1 M3 (with {@code Fin_Inter}) as a v2 M3. */
    public static Mapped<ModifierInterventionDO> m3(InterventionDO v1) {
        if (v1.getFinInter() == null) {
            throw new IllegalArgumentException("an M3 has a Fin_Inter: use m1");
        }
        List<Loss> losses = new ArrayList<>();
        ModifierInterventionDO m3 = Convert.to(start(v1, losses), ModifierInterventionDO.class)
                .message(Message.M3.flux())
                .dateFinIntervention(v1.getFinInter());
        return new Mapped<>(m3, losses);
    }

    /** The first entry of {@code Nature_PBO_PTO} becomes the intervention; what the others add is lost. */
    private static CreerInterventionDO start(InterventionDO v1, List<Loss> losses) {
        List<NaturePBOPTO> entries = v1.getNaturePBOPTO();
        NaturePBOPTO chosen = entries.get(0);
        Nature nature = nature(chosen.getNature().getValue(), v1.getCodeDO(), v1.getCodeOI(), "Nature_PBO_PTO[0].nature", losses);
        for (int i = 1; i < entries.size(); i++) {
            other(entries.get(i), chosen, nature, v1, "Nature_PBO_PTO[" + i + "]", losses);
        }
        String pbo = present(chosen.getPBO());
        String pto = present(chosen.getPTO());
        return new CreerInterventionDO()
                .codeDO(v1.getCodeDO())
                .codeOI(v1.getCodeOI())
                .message(Message.M1.flux())
                .refIntervDO(v1.getRefIntervDO())
                .pointMutualisation(new PointMutualisation().refPM(v1.getPM()).refPMTechnique(v1.getPM()))
                .nature(CreerInterventionDO.NatureEnum.fromValue(nature.code()))
                .elementReseau(CreerInterventionDO.ElementReseauEnum.fromValue(element(pbo, pto)))
                .refPBO(pbo)
                .refPTO(pto)
                .dateDebutIntervention(v1.getDebutInter());
    }

    /**
     * The v2 nature of a v1 one: RACC (1) is not told "PTO a construire" (1) from "existante" (2), so
     * NON FOURNIE (6) is sent and RACC is lost; SAV (2) is SAV OI (5) when the DO is the OI, else SAV
     * OC (4); AUCUNE ACTION (3) has no v2 twin: NON FOURNIE, lost; NON FOURNIE (4) is 6.
     */
    static Nature nature(int v1, String codeDO, String codeOI, String field, List<Loss> losses) {
        return switch (v1) {
            case Nature.V1_SAV -> Objects.equals(codeDO, codeOI) ? Nature.SAV_OI : Nature.SAV_OC;
            case Nature.V1_NON_FOURNIE -> Nature.NON_FOURNIE;
            case Nature.V1_RACC -> {
                losses.add(new Loss(field, "1 RACC",
                        "v2 distingue RACC PTO a construire (1) et existante (2), que v1 ne dit pas: envoye 6 NON FOURNIE"));
                yield Nature.NON_FOURNIE;
            }
            default -> {
                losses.add(new Loss(field, v1 + " AUCUNE ACTION", "v2 n'a pas AUCUNE ACTION: envoye 6 NON FOURNIE"));
                yield Nature.NON_FOURNIE;
            }
        };
    }

    /** What an entry after the first says beyond the first: lost (the natures it maps to, its PBO, its PTO). */
    private static void other(NaturePBOPTO entry, NaturePBOPTO chosen, Nature chosenNature, InterventionDO v1,
                              String field, List<Loss> losses) {
        List<String> lost = new ArrayList<>();
        Nature nature = nature(entry.getNature().getValue(), v1.getCodeDO(), v1.getCodeOI(), field, new ArrayList<>());
        if (nature != chosenNature || entry.getNature() != chosen.getNature()) {
            lost.add("nature " + entry.getNature().getValue());
        }
        String pbo = present(entry.getPBO());
        if (pbo != null && !pbo.equals(present(chosen.getPBO()))) {
            lost.add("PBO " + pbo);
        }
        String pto = present(entry.getPTO());
        if (pto != null && !pto.equals(present(chosen.getPTO()))) {
            lost.add("PTO " + pto);
        }
        if (!lost.isEmpty()) {
            losses.add(new Loss(field, String.join(", ", lost), ONE_ENTRY));
        }
    }

    /** A v1 M2 as a v2 M2: the first PBO is {@code refPBO}, every PBO is named in {@code description}. */
    public static Mapped<CreerInterventionOI> m2(InterventionOI v1) {
        if (v1.getFinInter() != null) {
            throw new IllegalArgumentException("an M2 has no Fin_Inter: use m4");
        }
        List<Loss> losses = new ArrayList<>();
        return new Mapped<>(relay(v1, pbos(v1), "v2 M2: un seul refPBO", losses), losses);
    }

    /** A v1 M4 as a v2 M4 (which has no PBO: they are named in {@code description}); the cold check after {@code coldTestDelay}. */
    public static Mapped<ModifierInterventionOI> m4(InterventionOI v1, Duration coldTestDelay) {
        if (v1.getFinInter() == null) {
            throw new IllegalArgumentException("an M4 has a Fin_Inter: use m2");
        }
        List<Loss> losses = new ArrayList<>();
        List<String> pbos = pbos(v1);
        CreerInterventionOI start = relay(v1, pbos, "v2 M4: pas de PBO", losses);
        ModifierInterventionOI m4 = Convert.to(start, ModifierInterventionOI.class)
                .message(Message.M4.flux())
                .description(pbos.size() == 1 ? "PBO: " + pbos.get(0) : start.getDescription())
                .dateFinIntervention(v1.getFinInter())
                .dateTestFinFroid(v1.getFinInter().plus(coldTestDelay));
        return new Mapped<>(m4, losses);
    }

    /** The v2 M2 of a v1 M2 or M4; the PBOs beyond the first lost for {@code reason}. */
    private static CreerInterventionOI relay(InterventionOI v1, List<String> pbos, String reason, List<Loss> losses) {
        String first = pbos.isEmpty() ? null : pbos.get(0);
        return new CreerInterventionOI()
                .codeOI(v1.getCodeOI())
                .message(Message.M2.flux())
                .refIntervOI(v1.getRefIntervOI())
                .pointMutualisation(new PointMutualisation().refPM(v1.getPM()).refPMTechnique(v1.getPM()))
                .refPBO(first == null ? UNKNOWN_PBO : first)
                .elementReseau(CreerInterventionOI.ElementReseauEnum.fromValue(element(first, null)))
                .description(severalPbos(pbos, reason, losses))
                .dateDebutIntervention(v1.getDebutInter());
    }

    /** v2's label for a v1 refusal; {@code null} for OK. */
    public static ErrorCode errorCode(Answer answer) {
        return switch (answer) {
            case OK -> null;
            case CHAMPS_NON_RENSEIGNE -> ErrorCode.CHAMPS_NON_RENSEIGNE;
            case MAUVAIS_FORMAT -> ErrorCode.MAUVAIS_FORMAT;
            case CODE_OI_INCONNU -> ErrorCode.CODE_OI_INCONNU;
            case PM_INCONNU -> ErrorCode.PM_INCONNU;
            case REF_INTERV_OI_INCONNUE -> ErrorCode.REF_INTERV_OI_INCONNUE;
        };
    }

    /**
     * {@code description} naming the PBOs when there are several ("PBO: A, B, C", as many as 200
     * characters hold), each one after the first recorded as lost; {@code null} when there is at most one.
     */
    private static String severalPbos(List<String> pbos, String reason, List<Loss> losses) {
        if (pbos.size() < 2) {
            return null;
        }
        StringBuilder description = new StringBuilder("PBO: ").append(pbos.get(0));
        for (int i = 1; i < pbos.size(); i++) {
            String next = ", " + pbos.get(i);
            boolean fits = description.length() + next.length() <= DESCRIPTION_MAX_LENGTH;
            if (fits) {
                description.append(next);
            }
            losses.add(new Loss("PBO[" + i + "]", pbos.get(i),
                    reason + (fits ? "; nomme dans description" : "; description pleine, absent du message")));
        }
        return description.toString();
    }

    private static List<String> pbos(InterventionOI v1) {
        List<String> pbos = new ArrayList<>();
        if (v1.getPBO() != null) {
            v1.getPBO().stream().map(pbo -> present(pbo.getPBO())).filter(Objects::nonNull).distinct().forEach(pbos::add);
        }
        return pbos;
    }

    /** The network element worked on, as v2 names it: the PTO when one is given, else the PBO, else the PM. */
    static String element(String pbo, String pto) {
        return pto != null ? "PTO" : pbo != null ? "PBO" : "PM";
    }

    static String present(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
