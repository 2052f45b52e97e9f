package fr.eintervention.dogateway.linetest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.eintervention.linetest.CustomerDown;
import fr.eintervention.linetest.LineRestored;
import fr.eintervention.linetest.M6tx;
import fr.eintervention.linetest.Route;
import fr.eintervention.protocol.v2.Message;
import fr.eintervention.protocol.v2.MessageValidator;
import fr.eintervention.protocol.v2.Refusal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An M6TX as kept, read again for the board: the customers down, the lines restored, their routes. */
final class M6txReader {

    private final MessageValidator validator;

    M6txReader(MessageValidator validator) {
        this.validator = validator;
    }

    /** The M6TX in those bytes; empty if they no longer pass (never expected: they were checked on receipt). */
    Optional<M6tx> read(byte[] body) {
        ObjectNode m6tx;
        try {
            m6tx = validator.validate(Message.M6TX, body);
        } catch (Refusal refusal) {
            return Optional.empty();
        }
        List<CustomerDown> down = new ArrayList<>();
        m6tx.path("clientHSOC").forEach(customer -> down.add(new CustomerDown(text(customer, "refPTO"),
                route(customer), Instant.parse(text(customer, "dateChangementEtat")))));
        List<LineRestored> restored = new ArrayList<>();
        m6tx.path("ligneClientRetablie").forEach(line -> restored.add(new LineRestored(text(line, "refPTO"),
                route(line), Instant.parse(text(line, "dateChangementEtat")))));
        return Optional.of(new M6tx(m6tx.hasNonNull("numeroTest") ? m6tx.get("numeroTest").asInt() : null,
                text(m6tx, "codeOCImpacte"), m6tx.path("nombreOC").asInt(), m6tx.path("multiInterventionOI").asBoolean(),
                m6tx.path("reparation").asBoolean(), down, restored));
    }

    private static Route route(JsonNode line) {
        return new Route(text(line, "refPBO"), text(line, "tube"), text(line, "fibre"), text(line, "nomModulePM"),
                text(line, "positionModulePM"), text(line, "positionCoupleurOC"), text(line, "numeroSerieONT"),
                text(line, "couleurJarretiere"), text(line, "referencePrestationPrise"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
