package fr.eintervention.dogateway.retention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.eintervention.dogateway.DoGatewayTestSupport;
import fr.eintervention.testsupport.PartnerStub;

/**
 * The nightly purge deletes what started before the retention (400 days by default), with its
 * declarations and its delivered M1/M3, and keeps the recent and what is still being sent.
 */
class RetentionPurgeTest extends DoGatewayTestSupport {

    @Autowired
    RetentionPurge purge;

    @Autowired
    JdbcClient jdbc;

    /** Makes an intervention and its outbox rows look this many days older. */
    private void age(String ref, int days) {
        jdbc.sql("update intervention set debut_inter = debut_inter - make_interval(days => :days),"
                + " created_at = created_at - make_interval(days => :days) where ref_interv_do = :ref")
                .param("days", days).param("ref", ref).update();
        jdbc.sql("update delivery_message set created_at = created_at - make_interval(days => :days) where subject = :ref")
                .param("days", days).param("ref", ref).update();
    }

    private long count(String table, String column, String ref) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :ref").param("ref", ref)
                .query(Long.class).single();
    }

    @Test
    void deletesWhatStartedBeforeTheRetentionAndKeepsTheRestAndWhatIsStillBeingSent() {
        String old = created(start(newTechnician()));
        String recent = created(start(newTechnician()));
        awaitStatus(old, "m1", "ACKNOWLEDGED");
        awaitStatus(recent, "m1", "ACKNOWLEDGED");
        OI02.replyWith(request -> PartnerStub.Reply.status(503));
        String stillSending = created(start(newTechnician()));
        assertThat(jdbc.sql("select d.status from declaration d join intervention i on i.id = d.intervention_id"
                + " where i.ref_interv_do = :ref").param("ref", stillSending).query(String.class).single()).isEqualTo("QUEUED");
        age(old, 401);
        age(recent, 399);
        age(stillSending, 401);

        purge.purge();

        assertThat(count("intervention", "ref_interv_do", old)).isZero();
        assertThat(count("delivery_message", "subject", old)).isZero();
        assertThat(http.get("/interventions/" + old).status()).isEqualTo(404);
        assertThat(count("intervention", "ref_interv_do", recent)).isOne();
        assertThat(count("delivery_message", "subject", recent)).isOne();
        assertThat(count("intervention", "ref_interv_do", stillSending)).isOne();
        assertThat(count("delivery_message", "subject", stillSending)).isOne();
    }
}
