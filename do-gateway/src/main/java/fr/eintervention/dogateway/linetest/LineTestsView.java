package fr.eintervention.dogateway.linetest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import fr.eintervention.linetest.app.TestView;

/**
 * The line tests of one intervention as the technician's app shows them.
 *
 * @param offered        the OI speaks v2: "Tester les lignes" is offered while the intervention is open
 * @param nextNumeroTest the number the next test takes; {@code null} after the 5th or after the end
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineTestsView(String ref, boolean offered, Integer nextNumeroTest, List<Test> tests) {

    /**
     * One test (or the end's answers) and, for a test, how its asking went.
     *
     * @param late    reached the gateway long after the tap (asked without network)
     * @param sending the M3TX is on its way to the OI
     * @param refusal the OI refused the M3TX (its label and description), or it could not be delivered
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Test(@JsonUnwrapped TestView view, Instant dateTest, boolean late, boolean sending, Refusal refusal) {
    }

    /** @param label the OI's v2 error label ({@code TEST_PRECEDENT_NON_ACQUITTE}...), {@code null} when not delivered */
    public record Refusal(String label, String description) {
    }
}
