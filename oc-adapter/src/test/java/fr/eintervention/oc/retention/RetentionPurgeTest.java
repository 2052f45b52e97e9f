package fr.eintervention.oc.retention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.eintervention.oc.OcAdapterTest;
import fr.eintervention.testsupport.JsonHttp;

/**
 * The nightly purge deletes interventions, outages, own interventions and finished M5 older than
 * the retention (400 days by default; the clock says 2026-11-24), and keeps the rest.
 */
class RetentionPurgeTest extends OcAdapterTest {

    @Autowired
    RetentionPurge purge;

    private long count(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }

    private void outbox(String subject, String status) {
        jdbc.sql("""
                insert into delivery_message (partner, kind, subject, path, payload, status, next_attempt_at, created_at, updated_at)
                values ('OI01', 'M5', :subject, '/v1/client_HS_OC_Par_Inter', '{}', :status,
                        timestamptz '2099-01-01 10:00:00+00', -- a pending one is not sent during the test
                        timestamptz '2025-01-01 10:00:00+00', timestamptz '2025-01-01 10:00:00+00')""")
                .param("subject", subject).param("status", status).update();
    }

    @Test
    void deletesWhatIsOlderThanTheRetentionAndKeepsTheRest() {
        String pm = newPm();
        String old = newRef();
        String recent = newRef();
        assertThat(declare(m2(old, pm, "2025-01-01T09:00:00+01:00")).status()).isEqualTo(200);
        assertThat(declare(m2(recent, pm, "2026-11-20T09:00:00+01:00")).status()).isEqualTo(200);
        JsonHttp.Response outages = http.post("/outages", """
                [{"PM":"%1$s","PTO":"FI-OLD","downAt":"2025-01-01T09:30:00+01:00"},
                 {"PM":"%1$s","PTO":"FI-NEW","downAt":"2026-11-20T09:30:00+01:00"},
                 {"PM":"%1$s","PTO":"FI-UNKNOWN-TIME"}]""".formatted(pm));
        assertThat(outages.status()).as(outages.body()).isEqualTo(200);
        assertThat(http.post("/own-interventions", """
                {"pm":"%s","pto":"FI-OLD","from":"2025-01-01T09:10:00+01:00","to":"2025-01-01T10:00:00+01:00"}"""
                .formatted(pm)).status()).isEqualTo(201);
        String delivered = newRef();
        String pending = newRef();
        outbox(delivered, "DELIVERED");
        outbox(pending, "PENDING");

        RetentionPurge.Purged purged = purge.purge();

        assertThat(purged.interventions()).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from intervention_window where ref_interv_oi = :v", old)).isZero();
        assertThat(count("select count(*) from intervention_window where ref_interv_oi = :v", recent)).isOne();
        assertThat(jdbc.sql("select pto from outage where pm = :pm order by pto").param("pm", pm).query(String.class).list())
                .containsExactly("FI-NEW", "FI-UNKNOWN-TIME");
        assertThat(count("select count(*) from own_intervention where pm = :v", pm)).isZero();
        assertThat(count("select count(*) from delivery_message where subject = :v", delivered)).isZero();
        assertThat(count("select count(*) from delivery_message where subject = :v", pending)).isOne();
    }
}
