package fr.eintervention.oc.linetest;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.eintervention.linetest.oc.AnswerTiming;
import fr.eintervention.model.v2.DemanderTestIntermediaireInterventionOI;
import fr.eintervention.oc.OcProperties;
import fr.eintervention.oc.intervention.KnownInterventions;
import fr.eintervention.oc.referential.OiDirectory;
import fr.eintervention.protocol.v2.ErrorCode;
import fr.eintervention.protocol.v2.Message;

/**
 * An M4TX, validated by v2's rules: checked against the OC's partners and interventions
 * (decision 0065), recorded once, answered at once; its M5TX goes later ({@link LineTestAnswers}).
 */
@Service
public class LineTestReception {

    private static final Logger log = LoggerFactory.getLogger(LineTestReception.class);

    /** What the OC did with an accepted M4TX. */
    public enum Outcome {
        /** recorded: its answer will follow */
        NEW,
        /** that test was already received: nothing done */
        DUPLICATE
    }

    private final OiDirectory partners;
    private final KnownInterventions interventions;
    private final LineTests tests;
    private final AnswerTiming timing;
    private final Clock clock;

    LineTestReception(OiDirectory partners, KnownInterventions interventions, LineTests tests, OcProperties properties,
            Clock clock) {
        this.partners = partners;
        this.interventions = interventions;
        this.tests = tests;
        this.timing = new AnswerTiming(properties.lineTests().maxSettlingDelay());
        this.clock = clock;
    }

    public Outcome receive(DemanderTestIntermediaireInterventionOI m4tx) {
        if (!partners.isPartner(m4tx.getCodeOI())) {
            throw Message.M4TX.refuse(ErrorCode.CODE_OI_INCONNU, "codeOI", "codeOI inconnu: " + m4tx.getCodeOI());
        }
        KnownInterventions.Known intervention = interventions.find(m4tx.getCodeOI(), m4tx.getRefIntervOI())
                .orElseThrow(() -> Message.M4TX.refuse(ErrorCode.REF_INTERV_OI_INCONNUE, "refIntervOI",
                        "refIntervOI inconnue: " + m4tx.getRefIntervOI()));
        Instant dateTest = m4tx.getDateTest().toInstant();
        if (dateTest.isBefore(intervention.start())) {
            throw Message.M4TX.refuse(ErrorCode.INCOHERENCE, "dateTest", "dateTest avant le debut de l'intervention");
        }
        Instant now = Instant.now(clock);
        Outcome outcome = tests.add(intervention.id(), m4tx.getNumeroTest(), dateTest, m4tx.getNatureTest(), now,
                timing.latest(now)) ? Outcome.NEW : Outcome.DUPLICATE;
        log.info("M4TX {}/{} test {} -> {}", m4tx.getCodeOI(), m4tx.getRefIntervOI(), m4tx.getNumeroTest(), outcome);
        return outcome;
    }
}
