package fr.eintervention.oi.outage;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OutageReportRepository {

    private final JdbcClient jdbc;

    OutageReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the report, replacing the OC's previous one for that intervention; true if it replaced one. */
    boolean replace(OutageReport report, Instant receivedAt, String payload) {
        int replaced = jdbc.sql("delete from impacted_customer where intervention_id = :id and oc = :oc")
                .param("id", report.interventionId()).param("oc", report.oc()).update();
        boolean existed = jdbc.sql("""
                insert into oc_report (intervention_id, oc, received_at, payload)
                values (:id, :oc, :receivedAt, :payload)
                on conflict (intervention_id, oc) do update
                   set received_at = excluded.received_at, payload = excluded.payload,
                       corrections = oc_report.corrections + 1
                returning corrections > 0
                """)
                .param("id", report.interventionId()).param("oc", report.oc())
                .param("receivedAt", Timestamp.from(receivedAt)).param("payload", payload)
                .query(Boolean.class).single();
        for (ImpactedCustomer customer : report.customers()) {
            jdbc.sql("""
                    insert into impacted_customer (intervention_id, oc, pto, pbo, tube, fibre, position_pm, hms_coupure, outside_window)
                    values (:id, :oc, :pto, :pbo, :tube, :fibre, :position, :outageAt, :outside)
                    """)
                    .param("id", report.interventionId()).param("oc", report.oc())
                    .param("pto", customer.pto()).param("pbo", customer.pbo()).param("tube", customer.tube())
                    .param("fibre", customer.fibre()).param("position", customer.positionPm())
                    .param("outageAt", Timestamp.from(customer.outageAt())).param("outside", customer.outsideWindow())
                    .update();
        }
        // the intervention's impact: customers down within its window, whichever OC reported them
        jdbc.sql("""
                update intervention set impacted_customers =
                   (select count(*) from impacted_customer where intervention_id = :id and not outside_window)
                where id = :id
                """).param("id", report.interventionId()).update();
        return existed || replaced > 0;
    }
}
