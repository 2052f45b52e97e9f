package fr.eintervention.dogateway.referential;

import java.util.ArrayList;
import java.util.List;

import fr.eintervention.dogateway.ProtocolVersion;
import fr.eintervention.protocol.v2.Nature;

/** The natures of intervention a technician may pick, in the version the OI speaks, with their French labels. */
public final class Natures {

    /**
     * One nature as the tool offers it.
     *
     * @param endOnly only at the end (v1's AUCUNE ACTION)
     * @param notProvided what goes when the technician does not tell
     */
    public record Choice(int nature, String label, boolean endOnly, boolean notProvided) {
    }

    private static final List<Choice> V1 = List.of(new Choice(1, "RACC", false, false), new Choice(2, "SAV", false, false),
            new Choice(3, "Aucune action", true, false), new Choice(4, "Non fournie", false, true));

    private Natures() {
    }

    /** v1's four, or v2's eleven ({@link Nature}, its labels). */
    public static List<Choice> of(ProtocolVersion version) {
        if (version == ProtocolVersion.V1) {
            return V1;
        }
        List<Choice> choices = new ArrayList<>();
        for (Nature nature : Nature.values()) {
            choices.add(new Choice(Integer.parseInt(nature.code()), nature.label(), false, nature == Nature.NON_FOURNIE));
        }
        return choices;
    }
}
