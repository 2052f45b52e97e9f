package fr.eintervention.linetest.oi;

import java.util.List;
import java.util.Set;

import fr.eintervention.linetest.CustomerDown;
import fr.eintervention.linetest.LineRestored;

/**
 * An OC's M5TX, as the rules need it.
 *
 * @param numeroTest   the test answered; {@code null} when absent
 * @param closing      {@code testCloture}: the end's answer
 * @param repairAskedOf the {@code codeDO}s its {@code demandeReparation} asks a repair of
 */
public record OcAnswer(Integer numeroTest, boolean closing, List<CustomerDown> customersDown,
        List<LineRestored> linesRestored, Set<String> repairAskedOf) {

    public OcAnswer {
        customersDown = List.copyOf(customersDown);
        linesRestored = List.copyOf(linesRestored);
        repairAskedOf = Set.copyOf(repairAskedOf);
    }

    /** An answer to intermediate test {@code numeroTest}, asking no repair. */
    public static OcAnswer toTest(int numeroTest, List<CustomerDown> customersDown, List<LineRestored> linesRestored) {
        return new OcAnswer(numeroTest, false, customersDown, linesRestored, Set.of());
    }

    /** The end's answer, asking no repair. */
    public static OcAnswer closing(List<CustomerDown> customersDown, List<LineRestored> linesRestored) {
        return new OcAnswer(null, true, customersDown, linesRestored, Set.of());
    }
}
