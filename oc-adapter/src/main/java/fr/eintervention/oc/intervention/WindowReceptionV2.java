package fr.eintervention.oc.intervention;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import fr.eintervention.model.v2.CompteRenduInterventionOI;
import fr.eintervention.model.v2.CreerInterventionOI;
import fr.eintervention.model.v2.ModifierInterventionOI;
import fr.eintervention.oc.referential.OiDirectory;
import fr.eintervention.protocol.v2.ErrorCode;
import fr.eintervention.protocol.v2.Message;

/**
 * Flux 2 at the OC, version 2: an M2 ({@code CreerInterventionOI}), an M4
 * ({@code ModifierInterventionOI}) or a relayed repair report ({@code CompteRenduInterventionOI}),
 * validated by v2's rules before it comes here. M2/M4 are applied to the same intervention as v1's
 * (same guarded transitions, what v2 carries beyond v1 kept); the refusals are v2's, with the
 * labels each operation lists (decision 0025). A report is kept byte for byte as received.
 */
@Service
public class WindowReceptionV2 {

    private static final Logger log = LoggerFactory.getLogger(WindowReceptionV2.class);

    private final WindowReception reception;
    private final InterventionReports reports;
    private final OiDirectory partners;
    private final JdbcClient jdbc;
    private final Clock clock;

    WindowReceptionV2(WindowReception reception, InterventionReports reports, OiDirectory partners, JdbcClient jdbc,
            Clock clock) {
        this.reception = reception;
        this.reports = reports;
        this.partners = partners;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public WindowOutcome receive(CreerInterventionOI m2) {
        WindowMessage window = new WindowMessage(m2.getCodeOI(), m2.getRefIntervOI(), m2.getPointMutualisation().getRefPM(),
                List.of(m2.getRefPBO()), m2.getDateDebutIntervention().toInstant(), null,
                new WindowMessage.Details("v2", m2.getPointMutualisation().getRefPMTechnique(),
                        m2.getElementReseau() == null ? null : m2.getElementReseau().getValue(), m2.getDescription(), null));
        return store(Message.M2, window);
    }

    public WindowOutcome receive(ModifierInterventionOI m4) {
        WindowMessage window = new WindowMessage(m4.getCodeOI(), m4.getRefIntervOI(), m4.getPointMutualisation().getRefPM(),
                null, m4.getDateDebutIntervention().toInstant(), instant(m4.getDateFinIntervention()),
                new WindowMessage.Details("v2", m4.getPointMutualisation().getRefPMTechnique(),
                        m4.getElementReseau() == null ? null : m4.getElementReseau().getValue(), m4.getDescription(),
                        instant(m4.getDateTestFinFroid())));
        return store(Message.M4, window);
    }

    private WindowOutcome store(Message message, WindowMessage window) {
        reception.unknown(window).ifPresent(unknown -> {
            throw unknown == WindowReception.Unknown.OI
                    ? message.refuse(ErrorCode.CODE_OI_INCONNU, "codeOI", "codeOI inconnu: " + window.codeOi())
                    : message.refuse(ErrorCode.PM_INCONNU, "pointMutualisation.refPM", "refPM inconnu: " + window.pm());
        });
        return reception.store(window);
    }

    /** What the OC did with a report. */
    public enum ReportOutcome {
        /** kept */
        NEW,
        /** the same body was already kept: nothing done */
        DUPLICATE
    }

    /**
     * Keeps a repair report relayed by an OI.
     *
     * @param body the request body exactly as received
     */
    public ReportOutcome receiveReport(CompteRenduInterventionOI report, byte[] body) {
        if (!partners.isPartner(report.getCodeOI())) {
            throw Message.REPORT_OI.refuse(ErrorCode.CODE_OI_INCONNU, "codeOI", "codeOI inconnu: " + report.getCodeOI());
        }
        Optional<Long> window = jdbc.sql("select id from intervention_window where code_oi = :codeOi and ref_interv_oi = :refOi")
                .param("codeOi", report.getCodeOI()).param("refOi", report.getRefIntervOI())
                .query(Long.class).optional();
        if (window.isEmpty()) {
            // the operation lists no REF_INTERV_OI_INCONNUE (decision 0025)
            throw Message.REPORT_OI.refuse(ErrorCode.INCOHERENCE, "refIntervOI", "refIntervOI inconnue: " + report.getRefIntervOI());
        }
        ReportOutcome outcome = reports.add(window.get(), body, Instant.now(clock)) ? ReportOutcome.NEW : ReportOutcome.DUPLICATE;
        log.info("v2 CR {}/{} -> {}", report.getCodeOI(), report.getRefIntervOI(), outcome);
        return outcome;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
