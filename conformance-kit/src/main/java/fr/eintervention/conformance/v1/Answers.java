package fr.eintervention.conformance.v1;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fr.eintervention.conformance.suite.Session;
import fr.eintervention.conformance.wire.Http;
import fr.eintervention.conformance.wire.Json;
import fr.eintervention.conformance.wire.Listener;
import fr.eintervention.conformance.wire.Rules;
import tools.jackson.databind.JsonNode;

/** The checks every v1 test shares: an answer is the one owed, in the contract's shape; a message has no null and dates with offsets. */
final class Answers {

    private static final Set<String> LABELS = Set.of("OK", "CHAMPS_NON_RENSEIGNE", "MAUVAIS_FORMAT", "CODE_OI_INCONNU",
            "PM_INCONNU", "REF_INTERV_OI_INCONNUE");

    private Answers() {
    }

    /** What is wrong with an answer's shape (contract: Code_Reponse integer, Libelle_Reponse of the enum and matching, Description_Reponse at most 100). */
    static List<String> shapeFaults(Http.Response response) {
        List<String> faults = new ArrayList<>();
        JsonNode json = response.json();
        if (!json.isObject()) {
            faults.add("the body is not a JSON object (Content-Type " + response.contentType() + ")");
            return faults;
        }
        JsonNode code = json.get("Code_Reponse");
        String label = Json.text(json, "Libelle_Reponse");
        if (code == null || !code.isIntegralNumber()) {
            faults.add("Code_Reponse missing or not an integer");
        }
        if (label == null || !LABELS.contains(label)) {
            faults.add("Libelle_Reponse missing or not one of the contract's labels: " + label);
        } else if (code != null && code.isIntegralNumber() && code.intValue() != Rules.code(label)) {
            faults.add("Code_Reponse " + code.intValue() + " does not match Libelle_Reponse " + label + " (" + Rules.code(label) + ")");
        }
        String description = Json.text(json, "Description_Reponse");
        if (description != null && description.length() > Rules.descriptionMaxLength()) {
            faults.add("Description_Reponse longer than " + Rules.descriptionMaxLength() + " characters");
        }
        if (!response.contentType().toLowerCase().startsWith("application/json")) {
            faults.add("Content-Type " + response.contentType() + ", application/json expected");
        }
        return faults;
    }

    /** Fails unless the answer is {@code label}, with its code, its HTTP status and the contract's shape. */
    static void expect(Session session, Http.Response response, String label) {
        String expected = label + " (Code_Reponse " + Rules.code(label) + ", HTTP " + Rules.httpStatus(label) + ")";
        session.expected(expected);
        String found = "got HTTP " + response.status() + " " + abbreviate(response.body());
        session.check(response.status() < 500, expected + ", never a 5xx", found);
        session.check(label.equals(response.text("Libelle_Reponse")), expected, found);
        List<String> faults = shapeFaults(response);
        session.check(faults.isEmpty(), "an answer of the contract's shape", String.join("; ", faults));
        session.check(response.status() == Rules.httpStatus(label), expected, found);
    }

    /** Fails unless the M1/M3 answer is OK with a valid Ref_Interv_OI, and returns that reference. */
    static String expectReference(Session session, Http.Response response) {
        expect(session, response, "OK");
        String ref = response.text("Ref_Interv_OI");
        session.check(Rules.isReference(ref), "Ref_Interv_OI of 1 to 50 [0-9A-Za-z_-]", "got " + ref);
        return ref;
    }

    /** Fails unless the message has no null anywhere and its dates carry an offset. */
    static void expectWellWritten(Session session, Listener.Received message, String... dateFields) {
        session.check(!hasNull(message.json()), "no null on the wire (decision 0004: fields are left out)", "found null in " + message.body());
        for (String field : dateFields) {
            String value = message.text(field);
            if (value != null) {
                session.check(Rules.hasOffset(value), field + " in ISO 8601 with an offset (decision 0006)", "got " + value);
            }
        }
    }

    static boolean hasNull(JsonNode node) {
        if (node.isNull()) {
            return true;
        }
        for (JsonNode child : node.values()) {
            if (hasNull(child)) {
                return true;
            }
        }
        return false;
    }

    /** Fails unless the body is valid for the contract and the project's rules. */
    static void expectValid(Session session, Rules.Body kind, Listener.Received message) {
        List<String> faults = Rules.faults(kind, message.body());
        session.check(faults.isEmpty(), "a body valid against the contract's " + kind, String.join("; ", faults));
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
