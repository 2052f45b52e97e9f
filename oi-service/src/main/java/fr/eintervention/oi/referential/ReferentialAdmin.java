package fr.eintervention.oi.referential;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.eintervention.delivery.PartnerAddresses;
import fr.eintervention.oi.OiProperties;
import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.v1.Answer;
import fr.eintervention.protocol.v1.MessageSchema;
import fr.eintervention.protocol.v1.ProtocolViolation;

/** Maintenance of the referential, with the protocol's formats enforced. */
@Service
public class ReferentialAdmin {

    private final Referential referential;

    private final OiProperties properties;
    private final PartnerAddresses addresses;

    ReferentialAdmin(Referential referential, OiProperties properties, PartnerAddresses addresses) {
        this.referential = referential;
        this.properties = properties;
        this.addresses = addresses;
    }

    public List<Partner> partners() {
        return referential.partners();
    }

    @Transactional
    public Partner savePartner(Partner partner) {
        check(MessageSchema.OPERATOR_CODE, partner.code(), "code");
        if (partner.name() == null || partner.name().isBlank()) {
            throw new ProtocolViolation(Answer.CHAMPS_NON_RENSEIGNE, "name");
        }
        if (partner.baseUrl() != null && !partner.baseUrl().isBlank()) {
            addresses.check(partner.baseUrl(), properties.partnerHosts()).ifPresent(reason -> {
                throw new ProtocolViolation(Answer.MAUVAIS_FORMAT, List.of(new Fault("baseUrl", reason)), "baseUrl: " + reason);
            });
        }
        if (!Partner.VERSIONS.contains(partner.protocolVersion())) {
            throw new ProtocolViolation(Answer.MAUVAIS_FORMAT, List.of(new Fault("protocolVersion", "v1 or v2 expected")),
                    "protocolVersion: v1 or v2 expected");
        }
        referential.savePartner(partner);
        return partner;
    }

    /**
     * A page of PMs in code order, with the OCs present at each: those after {@code after} (the
     * last code of the previous page; null for the first), whose code starts with
     * {@code codePrefix} when given.
     */
    public List<Pm> pms(String after, String codePrefix, int limit) {
        return referential.pms(after, codePrefix, limit);
    }

    public Optional<Pm> pm(String code) {
        return referential.pm(code);
    }

    @Transactional
    public Pm savePm(Pm pm) {
        check(MessageSchema.REFERENCE, pm.code(), "PM");
        check(MessageSchema.OPERATOR_CODE, pm.codeOi(), "codeOi");
        for (String oc : pm.operators()) {
            if (referential.partner(oc).isEmpty()) {
                throw new ProtocolViolation(Answer.MAUVAIS_FORMAT, "unknown partner " + oc + ": declare it first");
            }
        }
        referential.savePm(pm);
        return referential.pm(pm.code()).orElseThrow();
    }

    private static void check(Pattern pattern, String value, String field) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new ProtocolViolation(Answer.MAUVAIS_FORMAT, field + ": invalid value");
        }
    }
}
