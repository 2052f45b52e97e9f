package fr.eintervention.oi.impact;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The M5 reports received, with their impacted customers: one report per (intervention, OC). */
@Repository
class Impacts {

    private final JdbcClient jdbc;

    Impacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the report, replacing the OC's previous one for that intervention; true if it replaced one. */
    boolean replace(Impact report, Instant receivedAt, String payload) {
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
        return existed || replaced > 0;
    }
}
