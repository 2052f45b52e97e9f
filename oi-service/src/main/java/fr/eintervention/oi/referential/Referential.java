package fr.eintervention.oi.referential;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

    /** The PM is in the referential, under that OI code. */
    public boolean knowsPm(String pm, String codeOi) {
        return jdbc.sql("select count(*) from pm where code = :pm and code_oi = :codeOi")
                .param("pm", pm).param("codeOi", codeOi).query(Long.class).single() > 0;
    }

    /** The OCs present at the PM: the recipients of M2/M4. */
    public List<String> operatorsAt(String pm) {
        return jdbc.sql("select oc from pm_operator where pm = :pm order by oc")
                .param("pm", pm).query(String.class).list();
    }

    public Optional<Partner> partner(String code) {
        return jdbc.sql("select code, name, base_url, flux3 from partner where code = :code")
                .param("code", code).query(Partner.class).optional();
    }

    public List<Partner> partners() {
        return jdbc.sql("select code, name, base_url, flux3 from partner order by code").query(Partner.class).list();
    }

    void savePartner(Partner partner) {
        jdbc.sql("""
                insert into partner (code, name, base_url, flux3) values (:code, :name, :baseUrl, :flux3)
                on conflict (code) do update set name = excluded.name, base_url = excluded.base_url, flux3 = excluded.flux3
                """)
                .param("code", partner.code()).param("name", partner.name())
                .param("baseUrl", partner.baseUrl()).param("flux3", partner.flux3())
                .update();
    }

    Optional<Pm> pm(String code) {
        return jdbc.sql("select code, code_oi from pm where code = :code").param("code", code)
                .query((rs, n) -> new Pm(rs.getString("code"), rs.getString("code_oi"), operatorsAt(code)))
                .optional();
    }

    /** Creates or replaces a PM and the list of OCs present at it. */
    void savePm(Pm pm) {
        jdbc.sql("insert into pm (code, code_oi) values (:code, :codeOi) on conflict (code) do update set code_oi = excluded.code_oi")
                .param("code", pm.code()).param("codeOi", pm.codeOi()).update();
        jdbc.sql("delete from pm_operator where pm = :code").param("code", pm.code()).update();
        for (String oc : pm.operators()) {
            jdbc.sql("insert into pm_operator (pm, oc) values (:pm, :oc)").param("pm", pm.code()).param("oc", oc).update();
        }
    }
}
