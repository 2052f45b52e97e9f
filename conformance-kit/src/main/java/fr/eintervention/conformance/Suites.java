package fr.eintervention.conformance;

import java.util.Optional;

import fr.eintervention.conformance.suite.Role;
import fr.eintervention.conformance.suite.Suite;
import fr.eintervention.conformance.v1.DoSuite;
import fr.eintervention.conformance.v1.OcSuite;
import fr.eintervention.conformance.v1.OiSuite;

/**
 * The suites the kit has, per role and protocol version. A version's tests live in a package of
 * their own ({@code v1}); a {@code v2} package adds its suites here.
 */
final class Suites {

    private Suites() {
    }

    /** A new suite (one per run: suites keep what earlier tests saw), or empty when the kit does not cover that role and version. */
    static Optional<Suite> of(Role role, String version) {
        if (!"v1".equals(version)) {
            return Optional.empty();
        }
        return Optional.of(switch (role) {
            case OI -> new OiSuite();
            case OC -> new OcSuite();
            case DO -> new DoSuite();
        });
    }
}
