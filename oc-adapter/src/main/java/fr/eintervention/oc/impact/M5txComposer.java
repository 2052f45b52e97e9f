package fr.eintervention.oc.impact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.eintervention.linetest.CustomerDown;
import fr.eintervention.linetest.LineRestored;
import fr.eintervention.linetest.Route;
import fr.eintervention.linetest.TestWindow;
import fr.eintervention.linetest.oc.Evaluation;
import fr.eintervention.linetest.oc.WindowEvaluation;
import fr.eintervention.model.v2.ClientHSOC;
import fr.eintervention.model.v2.ClientImpacteOCParIntervention;
import fr.eintervention.model.v2.LigneClientRetablie;
import fr.eintervention.oc.OcProperties;
import fr.eintervention.oc.outage.Outages;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.protocol.text.ProtocolText;
import fr.eintervention.protocol.v2.Message;

/**
 * M5TX, v2's answer to a line test or, with {@code testCloture}, the end's (decision 0065): the
 * customers down and the lines restored in the window, by the line tests' rules
 * ({@link WindowEvaluation}, those of M5), from the outages known now. A required route field
 * the feed did not give is {@code inconnu}; an optional one is left out; a customer one of whose
 * values M5TX's schema cannot carry is left out and logged.
 */
@Component
public class M5txComposer {

    public static final String KIND = "M5TX";
    public static final String PATH = "/v2/interventions-oi/notification-impacte-clients-oc";

    private static final Logger log = LoggerFactory.getLogger(M5txComposer.class);

    /** The body, and how many customers down and lines restored it tells. */
    public record M5tx(ClientImpacteOCParIntervention payload, int customersDown, int linesRestored) {
    }

    private final Outages outages;
    private final Timestamps timestamps;
    private final String codeOc;
    private final WindowEvaluation evaluation;

    M5txComposer(Outages outages, Timestamps timestamps, OcProperties properties) {
        this.outages = outages;
        this.timestamps = timestamps;
        this.codeOc = properties.code();
        this.evaluation = new WindowEvaluation(properties.flux3().excludeTerminated());
    }

    /**
     * @param numeroTest the test answered; {@code null} for the end's answer ({@code testCloture: true})
     */
    public M5tx compose(String refOi, String pm, Instant interventionStart, TestWindow window, Integer numeroTest) {
        Evaluation found = evaluation.evaluate(window, interventionStart,
                outages.beganOnPm(pm, interventionStart, window.until()).stream().map(ImpactedCustomers::line).toList(),
                outages.ownCustomers(pm, window.from(), window.to()));
        List<ClientHSOC> down = new ArrayList<>();
        for (CustomerDown customer : found.customersDown()) {
            Optional<String> fault = unsendable(customer.pto(), customer.route(), true);
            if (fault.isPresent()) {
                log.warn("M5TX {}: customer {} left out: {}", refOi, customer.pto(), fault.get());
                continue;
            }
            down.add(client(customer));
        }
        List<LigneClientRetablie> restored = new ArrayList<>();
        for (LineRestored line : found.linesRestored()) {
            Optional<String> fault = unsendable(line.pto(), line.route(), false);
            if (fault.isPresent()) {
                log.warn("M5TX {}: restored line {} left out: {}", refOi, line.pto(), fault.get());
                continue;
            }
            restored.add(restored(line));
        }
        ClientImpacteOCParIntervention payload = new ClientImpacteOCParIntervention()
                .message(Message.M5TX.flux())
                .codeOcImpacte(codeOc)
                .refIntervOI(refOi)
                .numeroTest(numeroTest)
                .testCloture(numeroTest == null)
                .clientHSOC(down)
                .ligneClientRetablie(restored);
        return new M5tx(payload, down.size(), restored.size());
    }

    private ClientHSOC client(CustomerDown customer) {
        Route route = customer.route();
        return new ClientHSOC()
                .refPTO(customer.pto())
                .refPBO(orUnknown(route.pbo()))
                .tube(orUnknown(route.tube()))
                .fibre(orUnknown(route.fibre()))
                .nomModulePM(orUnknown(route.moduleName()))
                .positionModulePM(orUnknown(route.modulePosition()))
                .positionCoupleurOC(orUnknown(route.couplerPosition()))
                .numeroSerieONT(route.ontSerial())
                .couleurJarretiere(route.patchCordColour())
                .referencePrestationPrise(route.serviceReference())
                .dateChangementEtat(timestamps.toOffset(customer.downAt()));
    }

    private LigneClientRetablie restored(LineRestored line) {
        Route route = line.route();
        return new LigneClientRetablie()
                .refPTO(line.pto())
                .refPBO(orUnknown(route.pbo()))
                .tube(orUnknown(route.tube()))
                .fibre(orUnknown(route.fibre()))
                .nomModulePm(orUnknown(route.moduleName()))
                .positionModulePM(orUnknown(route.modulePosition()))
                .numeroSerieONT(route.ontSerial())
                .referencePrestationPrise(route.serviceReference())
                .dateChangementEtat(timestamps.toOffset(line.upAt()));
    }

    /**
     * Why M5TX's schema cannot carry one of the line's values: lengths of {@code ClientHSOC}
     * (customers down) or {@code LigneClientRetablie} (lines restored), or characters.
     */
    private static Optional<String> unsendable(String pto, Route route, boolean down) {
        Object[][] values = {{"refPTO", pto, 50}, {"refPBO", route.pbo(), 100}, {"tube", route.tube(), down ? 20 : 50},
                {"fibre", route.fibre(), down ? 20 : 50}, {"nomModulePM", route.moduleName(), 256},
                {"positionModulePM", route.modulePosition(), down ? 256 : 100},
                {"positionCoupleurOC", down ? route.couplerPosition() : null, 256},
                {"numeroSerieONT", route.ontSerial(), 50},
                {"couleurJarretiere", down ? route.patchCordColour() : null, 30},
                {"referencePrestationPrise", route.serviceReference(), 30}};
        for (Object[] value : values) {
            String text = (String) value[1];
            if (text == null) {
                continue;
            }
            if (text.isBlank() || text.length() > (int) value[2]) {
                return Optional.of(value[0] + ": blank or longer than " + value[2] + " characters");
            }
            Optional<String> reason = ProtocolText.check(text);
            if (reason.isPresent()) {
                return Optional.of(value[0] + ": " + reason.get());
            }
        }
        return Optional.empty();
    }

    private static String orUnknown(String value) {
        return value == null ? M5Composer.UNKNOWN : value;
    }
}
