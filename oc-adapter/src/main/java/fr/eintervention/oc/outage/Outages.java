package fr.eintervention.oc.outage;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.eintervention.jdbc.Sql;

/** What flux 3 reads of the outages and of the OC's own interventions. */
@Component
public class Outages {

    private final JdbcClient jdbc;

    Outages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The outages on a PM that began within [from, until[, earliest first; {@code until} is the end of
     * a window's last second ({@code TestWindow.until()}, decision 0081).
     */
    public List<Outage> beganOnPm(String pm, Instant from, Instant until) {
        return jdbc.sql("""
                select * from outage where pm = :pm and down_at >= :from and down_at < :until order by down_at, id
                """)
                .param("pm", pm).param("from", Sql.timestamp(from)).param("until", Sql.timestamp(until))
                .query((rs, n) -> new Outage(rs.getString("pm"), rs.getString("pto"), rs.getString("pbo"),
                        rs.getString("tube"), rs.getString("fibre"), rs.getString("position_pm"),
                        Sql.instant(rs, "down_at"), Sql.instant(rs, "up_at"), Cause.valueOf(rs.getString("cause")),
                        rs.getBoolean("terminated"), new Outage.V2Route(rs.getString("module_pm"),
                                rs.getString("position_coupleur_oc"), rs.getString("numero_serie_ont"),
                                rs.getString("couleur_jarretiere"), rs.getString("reference_prestation_prise"))))
                .list();
    }

    /** The time up to which the outage feed has told everything (its latest event's); {@code null} before any. */
    public Instant feedSettledUpTo() {
        return jdbc.sql("select settled_up_to from outage_feed where id = 1")
                .query((rs, n) -> Sql.instant(rs, "settled_up_to")).optional().orElse(null);
    }

    /**
     * The PTOs the OC's own technicians (the OC being the DO) worked on at that PM during a time
     * overlapping [from, to]; one still on site (no end yet) overlaps everything after its start.
     */
    public Set<String> ownCustomers(String pm, Instant from, Instant to) {
        return new HashSet<>(jdbc.sql("""
                select distinct pto from own_intervention
                where pm = :pm and from_at <= :to and (to_at is null or to_at >= :from)
                """)
                .param("pm", pm).param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
                .query(String.class).list());
    }

    /**
     * Deletes the outages that began before {@code limit} (received before it when their time is unknown).
     *
     * @return how many were deleted
     */
    public int deleteBefore(Instant limit) {
        return jdbc.sql("delete from outage where coalesce(down_at, received_at) < :limit")
                .param("limit", Sql.timestamp(limit)).update();
    }
}
