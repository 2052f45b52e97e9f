package fr.eintervention.oc.impact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.eintervention.linetest.TestWindow;
import fr.eintervention.model.v1.ClientHSOC;
import fr.eintervention.model.v1.ClientHSOCParInter;
import fr.eintervention.oc.OcProperties;
import fr.eintervention.oc.intervention.EndedInterventions;
import fr.eintervention.oc.outage.Outage;
import fr.eintervention.oc.outage.Outages;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.protocol.text.ProtocolText;

/**
 * The M5 of an ended intervention, from the outages known now. A customer whose values the
 * protocol cannot carry is left out (and logged), never the whole M5; an M5 larger than the OI
 * takes ({@code eintervention.oc.flux3.max-m5-size}) is never built: its size is counted first.
 */
@Component
class M5Composer {

    /** what the spec asks to send for a PBO, Tube, Fibre or position the OC cannot tell */
    static final String UNKNOWN = "inconnu";

    private static final Logger log = LoggerFactory.getLogger(M5Composer.class);

    /** The JSON of one customer but its values, and of the M5 but its list (generous: names, quotes, commas). */
    private static final int CUSTOMER_OVERHEAD =
            "{\"PTO\":\"\",\"PBO\":\"\",\"Tube\":\"\",\"Fibre\":\"\",\"Position_PM_Module_OI\":\"\",\"HMS_Coupure\":\"\"},".length();
    private static final int M5_OVERHEAD = 200;
    /** {@code 2026-11-24T10:02:13+01:00}; a fraction of a second at most adds 10. */
    private static final int TIMESTAMP = 35;

    /**
     * The body and how many customers it lists; or, when it cannot be sent, no body and why.
     *
     * @param skipped customers left out because the protocol cannot carry one of their values
     */
    record M5(ClientHSOCParInter payload, int customers, int skipped, String failure) {
    }

    private final Outages outages;
    private final Timestamps timestamps;
    private final String codeOc;
    private final ImpactedCustomers impacted;
    private final long maxSize;

    M5Composer(Outages outages, Timestamps timestamps, OcProperties properties) {
        this.outages = outages;
        this.timestamps = timestamps;
        this.codeOc = properties.code();
        this.impacted = new ImpactedCustomers(properties.flux3().excludeTerminated());
        this.maxSize = properties.flux3().maxM5Size().toBytes();
    }

    M5 compose(EndedInterventions.Ended intervention) {
        List<Outage> selected = impacted.select(intervention,
                outages.beganOnPm(intervention.pm(), intervention.start(), TestWindow.endOfSecond(intervention.end())),
                outages.ownCustomers(intervention.pm(), intervention.start(), intervention.end()));
        List<Outage> customers = new ArrayList<>(selected.size());
        long size = M5_OVERHEAD;
        for (Outage outage : selected) {
            Optional<String> fault = unsendable(outage);
            if (fault.isPresent()) {
                log.warn("M5 {}: customer {} left out: {}", intervention.refOi(), outage.pto(), fault.get());
                continue;
            }
            customers.add(outage);
            size += CUSTOMER_OVERHEAD + TIMESTAMP + bytes(outage.pto()) + bytes(orUnknown(outage.pbo()))
                    + bytes(orUnknown(outage.tube())) + bytes(orUnknown(outage.fibre())) + bytes(orUnknown(outage.position()));
        }
        int skipped = selected.size() - customers.size();
        if (size > maxSize) {
            return new M5(null, customers.size(), skipped, "M5 of " + customers.size() + " customers, about " + size
                    + " bytes, larger than the " + maxSize + " bytes the OI takes (eintervention.oc.flux3.max-m5-size)");
        }
        ClientHSOCParInter payload = new ClientHSOCParInter()
                .codeOCImpacte(codeOc)
                .refIntervOI(intervention.refOi());
        // no customer: no Liste_Clients_HS at all (the model leaves out a null list, not an empty one)
        if (!customers.isEmpty()) {
            payload.listeClientsHS(customers.stream().map(this::client).toList());
        }
        return new M5(payload, customers.size(), skipped, null);
    }

    /**
     * Why the protocol cannot carry one of the customer's values (the feed refuses them at
     * reception; this guards what was stored before): its characters or the contract's lengths.
     */
    private static Optional<String> unsendable(Outage outage) {
        String[][] values = {{"PTO", outage.pto(), "50"}, {"PBO", outage.pbo(), "100"}, {"Tube", outage.tube(), "50"},
                {"Fibre", outage.fibre(), "50"}, {"Position_PM_Module_OI", outage.position(), "100"}};
        for (String[] value : values) {
            if (value[1] == null) {
                continue;
            }
            if (value[1].isBlank() || value[1].length() > Integer.parseInt(value[2])) {
                return Optional.of(value[0] + ": blank or longer than " + value[2] + " characters");
            }
            Optional<String> reason = ProtocolText.check(value[1]);
            if (reason.isPresent()) {
                return Optional.of(value[0] + ": " + reason.get());
            }
        }
        return Optional.empty();
    }

    private static long bytes(String value) {
        long length = value.getBytes(StandardCharsets.UTF_8).length;
        // a quote or a backslash is escaped
        return length + value.chars().filter(c -> c == '"' || c == '\\').count();
    }

    private ClientHSOC client(Outage outage) {
        return new ClientHSOC()
                .PTO(outage.pto())
                .PBO(orUnknown(outage.pbo()))
                .tube(orUnknown(outage.tube()))
                .fibre(orUnknown(outage.fibre()))
                .positionPMModuleOI(orUnknown(outage.position()))
                .hmSCoupure(timestamps.toOffset(outage.downAt()));
    }

    private static String orUnknown(String value) {
        return value == null ? UNKNOWN : value;
    }
}
