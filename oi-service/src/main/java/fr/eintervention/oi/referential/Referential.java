package fr.eintervention.oi.referential;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import fr.eintervention.jdbc.Sql;
import fr.eintervention.oi.OiProperties;

/** What the OI knows of its network and partners: its own codes, its PMs and the OCs present at each. */
@Component
public class Referential {

    private final JdbcClient jdbc;
    private final OiProperties properties;

    Referential(JdbcClient jdbc, OiProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public boolean isOwnCode(String codeOi) {
        return properties.codes().contains(codeOi);
    }

    /**
     * The OCs present at the PM, the recipients of its M2/M4; empty when the PM is not in the
     * referential under that OI code, or was retired (unless {@code evenRetired}: the end of an
     * intervention that started there is still forwarded). One query: it runs for every M1/M3.
     */
    public Optional<List<String>> operatorsAt(String pm, String codeOi, boolean evenRetired) {
        List<String> rows = jdbc.sql("""
                select o.oc from pm p left join pm_operator o on o.pm = p.code
                where p.code = :pm and p.code_oi = :codeOi and (p.retired_at is null or :evenRetired)
                order by o.oc
                """)
                .param("pm", pm).param("codeOi", codeOi).param("evenRetired", evenRetired).query(String.class).list();
        // a known PM without OC gives one row with no OC
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.stream().filter(Objects::nonNull).toList());
    }

    private List<String> operatorsAt(String pm) {
        return jdbc.sql("select oc from pm_operator where pm = :pm order by oc")
                .param("pm", pm).query(String.class).list();
    }

    /** Whether that partner may declare interventions (M1/M3): in the referential, as a DO. */
    public boolean isDo(String code) {
        return jdbc.sql("select acts_as_do from partner where code = :code").param("code", code)
                .query(Boolean.class).optional().orElse(false);
    }

    /** The version a partner speaks ({@code v1} for one not in the referential). */
    public String versionOf(String code) {
        return jdbc.sql("select protocol_version from partner where code = :code").param("code", code)
                .query(String.class).optional().orElse(Partner.V1);
    }

    /** The version each of these partners speaks; {@code v1} for one not in the referential. */
    public java.util.Map<String, String> versionsOf(Collection<String> codes) {
        java.util.Map<String, String> versions = new java.util.HashMap<>();
        codes.forEach(code -> versions.put(code, Partner.V1));
        if (!codes.isEmpty()) {
            partners(codes).forEach(partner -> versions.put(partner.code(), partner.protocolVersion()));
        }
        return versions;
    }

    public Optional<Partner> partner(String code) {
        return jdbc.sql("select code, name, base_url, flux3, acts_as_do, protocol_version from partner where code = :code")
                .param("code", code).query(Partner.class).optional();
    }

    /** Those of the given partners that are in the referential. */
    public List<Partner> partners(Collection<String> codes) {
        return jdbc.sql("select code, name, base_url, flux3, acts_as_do, protocol_version from partner where code in (:codes)")
                .param("codes", codes).query(Partner.class).list();
    }

    public List<Partner> partners() {
        return jdbc.sql("select code, name, base_url, flux3, acts_as_do, protocol_version from partner order by code").query(Partner.class).list();
    }

    void savePartner(Partner partner) {
        jdbc.sql("""
                insert into partner (code, name, base_url, flux3, acts_as_do, protocol_version)
                values (:code, :name, :baseUrl, :flux3, :actsAsDo, :protocolVersion)
                on conflict (code) do update set name = excluded.name, base_url = excluded.base_url, flux3 = excluded.flux3,
                    acts_as_do = excluded.acts_as_do, protocol_version = excluded.protocol_version
                """)
                .param("code", partner.code()).param("name", partner.name())
                .param("baseUrl", partner.baseUrl()).param("flux3", partner.flux3()).param("actsAsDo", partner.actsAsDo())
                .param("protocolVersion", partner.protocolVersion())
                .update();
    }

    Optional<Pm> pm(String code) {
        return jdbc.sql("select code, code_oi, retired_at from pm where code = :code").param("code", code)
                .query((rs, n) -> new Pm(rs.getString("code"), rs.getString("code_oi"), operatorsAt(code),
                        Sql.instant(rs, "retired_at")))
                .optional();
    }

    /** PMs in code order, after {@code after} when given (keyset: as fast on the last page as on the first). */
    List<Pm> pms(String after, String codePrefix, int limit) {
        return jdbc.sql("""
                select p.code, p.code_oi, array_remove(array_agg(o.oc order by o.oc), null) as operators
                from (select code, code_oi from pm
                      where (cast(:after as varchar) is null or code > :after)
                        and (cast(:prefix as varchar) is null or code like :prefix || '%')
                      order by code limit :limit) p
                left join pm_operator o on o.pm = p.code
                group by p.code, p.code_oi order by p.code""")
                .param("after", after).param("prefix", codePrefix == null ? null : codePrefix.replace("%", "").replace("_", "\\_"))
                .param("limit", limit)
                .query((rs, n) -> new Pm(rs.getString("code"), rs.getString("code_oi"),
                        List.of((String[]) rs.getArray("operators").getArray())))
                .list();
    }

    /** Creates or replaces a PM and the list of OCs present at it; a retired PM is back in service. */
    void savePm(Pm pm) {
        jdbc.sql("insert into pm (code, code_oi) values (:code, :codeOi) on conflict (code) do update set code_oi = excluded.code_oi, retired_at = null")
                .param("code", pm.code()).param("codeOi", pm.codeOi()).update();
        jdbc.sql("delete from pm_operator where pm = :code").param("code", pm.code()).update();
        for (String oc : pm.operators()) {
            jdbc.sql("insert into pm_operator (pm, oc) values (:pm, :oc)").param("pm", pm.code()).param("oc", oc).update();
        }
    }
}
