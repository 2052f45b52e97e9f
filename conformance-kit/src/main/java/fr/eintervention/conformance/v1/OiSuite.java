package fr.eintervention.conformance.v1;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import fr.eintervention.conformance.suite.CheckFailed;
import fr.eintervention.conformance.suite.KitConfig;
import fr.eintervention.conformance.suite.Level;
import fr.eintervention.conformance.suite.Role;
import fr.eintervention.conformance.suite.Session;
import fr.eintervention.conformance.wire.Http;
import fr.eintervention.conformance.wire.Json;
import fr.eintervention.conformance.wire.Listener;
import fr.eintervention.conformance.wire.Rules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * v1 against an OI: the kit is the DO (M1/M3 on {@code /v1/intervention_DO}) and two OCs present at
 * the PM (its listener receives M2/M4 at {@code <kit>/<OC>/v1/intervention_OI}, answers OK or the
 * code a test chooses) and sends M5. Each intervention of the run has a start of its own, which
 * tells its M2s apart before the OI's reference is known.
 */
public final class OiSuite extends V1Suite {

    private static final String DO_PATH = "/v1/intervention_DO";
    private static final String M5_PATH = "/v1/client_HS_OC_Par_Inter";


    // what earlier tests learned, read by later ones
    private Http.Response mainAnswer;
    private String mainRef;
    private String mainRefDo;
    private Instant mainStart;
    private String endFirstRef;
    private Instant endFirstStart;
    private Instant partialStart;
    private String partialRef;
    private Instant refusedAtOcStart;
    private Instant repeatStart;
    private Instant correctedStart;
    private Instant endCorrectedStart;
    private String endCorrectedRef;

    public OiSuite() {
        // flux 1: the OI receiving M1/M3
        test("OI-F1-001", "A valid M1 is accepted: OK (0), HTTP 200, with the OI's reference", "spec 2.1.3 R M1; contract POST /intervention_DO 200",
                Level.REQUIRED, this::mainM1);
        test("OI-F1-002", "The answer has the contract's shape: Code_Reponse and Libelle_Reponse matching, Description_Reponse at most 100, JSON",
                "contract reponse_Intervention_DO", Level.REQUIRED, s -> {
                    requireMain();
                    List<String> faults = Answers.shapeFaults(mainAnswer);
                    s.check(faults.isEmpty(), "an answer of the contract's shape", String.join("; ", faults));
                });
        test("OI-F1-003", "The same M1 again is a repeat: OK with the same Ref_Interv_OI", "spec 2.1.6; rules: The OI receiving M1 and M3",
                Level.REQUIRED, s -> {
                    requireMain();
                    Http.Response again = send(s, m1(s, mainRefDo, pm(s), mainStart, "PT-KIT-A", "PT-KIT-A", "PT-KIT-B"));
                    String ref = Answers.expectReference(s, again);
                    s.check(ref.equals(mainRef), "the same Ref_Interv_OI " + mainRef, "got " + ref);
                });
        test("OI-F1-004", "An M3 after its M1 is accepted with the same Ref_Interv_OI", "spec 2.1.3, 2.1.6", Level.REQUIRED, s -> {
            requireMain();
            ObjectNode m3 = Bodies.m3(m1(s, mainRefDo, pm(s), mainStart, "PT-KIT-A", "PT-KIT-A", "PT-KIT-B"), mainStart.plusSeconds(600));
            String ref = Answers.expectReference(s, send(s, m3));
            s.check(ref.equals(mainRef), "the same Ref_Interv_OI " + mainRef, "got " + ref);
        });
        refusal("OI-F1-005", "An M1 without PM: CHAMPS_NON_RENSEIGNE (1), HTTP 400", "spec 2.1.3 R M1; contract 400", Level.REQUIRED,
                "CHAMPS_NON_RENSEIGNE", body -> body.remove("PM"));
        test("OI-F1-006", "Every missing field is named in one answer", "rules: Checks, in order", Level.RECOMMENDED, s -> {
            ObjectNode body = m1(s, s.reference("MISS2"), pm(s), nextStart());
            body.remove("PM");
            body.remove("Debut_Inter");
            Http.Response response = send(s, body);
            Answers.expect(s, response, "CHAMPS_NON_RENSEIGNE");
            String description = String.valueOf(response.text("Description_Reponse"));
            s.check(description.contains("PM") && description.contains("Debut_Inter"), "Description_Reponse naming PM and Debut_Inter",
                    "got " + description);
        });
        refusal("OI-F1-007", "An empty Nature_PBO_PTO is a missing field: CHAMPS_NON_RENSEIGNE", "rules: Natures", Level.REQUIRED,
                "CHAMPS_NON_RENSEIGNE", body -> body.putArray("Nature_PBO_PTO"));
        refusal("OI-F1-008", "A null Debut_Inter is a missing field: CHAMPS_NON_RENSEIGNE", "rules: Checks, in order", Level.REQUIRED,
                "CHAMPS_NON_RENSEIGNE", body -> body.putNull("Debut_Inter"));
        refusal("OI-F1-009", "A Code_OI that is not 4 of [0-9A-Z]: MAUVAIS_FORMAT (2), HTTP 400", "spec 2.1.3; decision 0005", Level.REQUIRED,
                "MAUVAIS_FORMAT", body -> body.put("Code_OI", "oi-1"));
        refusal("OI-F1-010", "A Debut_Inter that is not a date: MAUVAIS_FORMAT", "contract date-time; decision 0006", Level.REQUIRED,
                "MAUVAIS_FORMAT", body -> body.put("Debut_Inter", "hier matin"));
        refusal("OI-F1-011", "A nature outside 1..4: MAUVAIS_FORMAT", "contract nature_PBO_PTO enum", Level.REQUIRED,
                "MAUVAIS_FORMAT", body -> ((ObjectNode) body.get("Nature_PBO_PTO").get(0)).put("nature", 7));
        refusal("OI-F1-012", "A Fin_Inter before Debut_Inter: MAUVAIS_FORMAT", "rules: Fin_Inter", Level.REQUIRED,
                "MAUVAIS_FORMAT", body -> body.put("Fin_Inter", Bodies.time(Rules.instant(body.get("Debut_Inter").asString()).orElseThrow().minusSeconds(3600))));
        test("OI-F1-013", "A body that is not JSON: MAUVAIS_FORMAT, HTTP 400, in the contract's shape", "rules: Answering", Level.REQUIRED, s -> {
            Http.Response response = s.http().post(url(s, DO_PATH), "application/json", "{\"Code_DO\": \"DO01\", ", doClient(s));
            Answers.expect(s, response, "MAUVAIS_FORMAT");
        });
        refusal("OI-F1-014", "A PM that is a number, not a string: MAUVAIS_FORMAT", "contract intervention_DO.PM string", Level.REQUIRED,
                "MAUVAIS_FORMAT", body -> body.put("PM", 35238));
        refusal("OI-F1-015", "A Ref_Interv_DO of 51 characters: MAUVAIS_FORMAT", "contract maxLength 50", Level.REQUIRED,
                "MAUVAIS_FORMAT", body -> body.put("Ref_Interv_DO", "R".repeat(51)));
        refusal("OI-F1-016", "A Code_OI that is not the OI's: CODE_OI_INCONNU (3), HTTP 404", "spec 2.1.3 R M1; contract 404", Level.REQUIRED,
                "CODE_OI_INCONNU", body -> body.put("Code_OI", "ZZ99"));
        refusal("OI-F1-017", "A PM the OI does not know: PM_INCONNU (4), HTTP 404", "spec 2.1.3 R M1; contract 404", Level.REQUIRED,
                "PM_INCONNU", (body, s) -> body.put("PM", s.config().prefix() + "-UNKNOWN-PM"));
        refusal("OI-F1-018", "Missing fields are answered before format faults", "rules: Checks, in order", Level.RECOMMENDED,
                "CHAMPS_NON_RENSEIGNE", body -> {
                    body.remove("PM");
                    body.put("Code_OI", "oi-1");
                });
        test("OI-F1-019", "A refused message leaves no trace: the corrected message is a new intervention, relayed", "spec 4 (R Mx KO)",
                Level.REQUIRED, s -> {
                    Instant start = nextStart();
                    String refDo = s.reference("KO-THEN-OK");
                    ObjectNode wrong = m1(s, refDo, pm(s), start);
                    wrong.put("PM", s.config().prefix() + "-UNKNOWN-PM");
                    Answers.expect(s, send(s, wrong), "PM_INCONNU");
                    Answers.expectReference(s, send(s, m1(s, refDo, pm(s), start)));
                    awaitMessages(s, ocs(s).get(0), start, false, 1);
                });
        test("OI-F1-020", "Bad input never gets a 5xx: every answer is a 4xx", "rules: Answering; project quality bar", Level.REQUIRED, s -> {
            List<String> bodies = List.of("", "[]", "null", "\"M1\"", "{}", "{\"Code_DO\":{}}", "{\"Nature_PBO_PTO\":\"x\"}",
                    "{\"Code_DO\":\"DO01\",\"Nature_PBO_PTO\":[1,2],\"Debut_Inter\":12}", "{\"PM\":\"" + "\u00e9".repeat(200) + "\"}",
                    "[" .repeat(200));
            for (String body : bodies) {
                Http.Response response = s.http().post(url(s, DO_PATH), "application/json", body, doClient(s));
                s.check(response.status() >= 400 && response.status() < 500, "a 4xx for " + Answers.abbreviate(body),
                        "got HTTP " + response.status());
            }
        });
        test("OI-F1-021", "The specification's timestamp form AAAAMMDD HH:MM:SS is accepted", "spec 2.1.3; decision 0006", Level.RECOMMENDED, s -> {
            Instant start = nextStart();
            ObjectNode body = m1(s, s.reference("SPECTIME"), pm(s), start);
            body.put("Debut_Inter", java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss").format(start.atZone(Bodies.PARIS)));
            Answers.expectReference(s, send(s, body));
        });
        test("OI-F1-022", "A local date-time without offset is accepted (read in Europe/Paris)", "decision 0006", Level.RECOMMENDED, s -> {
            Instant start = nextStart();
            ObjectNode body = m1(s, s.reference("LOCALTIME"), pm(s), start);
            body.put("Debut_Inter", start.atZone(Bodies.PARIS).toLocalDateTime().toString());
            Answers.expectReference(s, send(s, body));
        });
        refusal("OI-F1-023", "An M1 with nature 3 (AUCUNE ACTION, for the end only): MAUVAIS_FORMAT", "spec 2.1.3 (note on natures); rules: Natures",
                Level.RECOMMENDED, "MAUVAIS_FORMAT", body -> ((ObjectNode) body.get("Nature_PBO_PTO").get(0)).put("nature", 3));
        test("OI-F1-024", "An M1 with \"Fin_Inter\": null is an M1: OK", "rules: Fin_Inter", Level.RECOMMENDED, s -> {
            ObjectNode body = m1(s, s.reference("NULLEND"), pm(s), nextStart());
            body.putNull("Fin_Inter");
            Answers.expectReference(s, send(s, body));
        });
        test("OI-F1-025", "An M3 without M1 is accepted: OK with a new Ref_Interv_OI", "spec 2.1.6 (2)", Level.REQUIRED, s -> {
            endFirstStart = nextStart();
            ObjectNode m3 = Bodies.m3(m1(s, s.reference("M3FIRST"), pm(s), endFirstStart, "PT-KIT-C"), endFirstStart.plusSeconds(300));
            endFirstRef = Answers.expectReference(s, send(s, m3));
        });
        test("OI-F1-026", "An M1 after its M3 is accepted with the same Ref_Interv_OI", "spec 4 (M1/M3 at the OI); rules: The OI receiving M1 and M3",
                Level.REQUIRED, s -> {
                    if (endFirstRef == null) {
                        throw CheckFailed.skip("OI-F1-025 did not pass");
                    }
                    String ref = Answers.expectReference(s, send(s, m1(s, s.reference("M3FIRST"), pm(s), endFirstStart, "PT-KIT-C")));
                    s.check(ref.equals(endFirstRef), "the same Ref_Interv_OI " + endFirstRef, "got " + ref);
                });
        test("OI-F1-027", "A changed M1 (same Ref_Interv_DO) is a correction: OK, same Ref_Interv_OI", "spec 4 (M1/M3 at the OI)", Level.REQUIRED, s -> {
            correctedStart = nextStart();
            String refDo = s.reference("CORR");
            String first = Answers.expectReference(s, send(s, m1(s, refDo, pm(s), correctedStart, "PT-KIT-D")));
            awaitMessages(s, ocs(s).get(0), correctedStart, false, 1);
            String second = Answers.expectReference(s, send(s, m1(s, refDo, pm(s), correctedStart, "PT-KIT-E")));
            s.check(first.equals(second), "the same Ref_Interv_OI " + first, "got " + second);
        });
        test("OI-F1-028", "The same M1 with its times in another offset is a repeat (instants compared)", "rules: same content; decision 0006",
                Level.RECOMMENDED, s -> {
                    repeatStart = nextStart();
                    String refDo = s.reference("UTC");
                    String first = Answers.expectReference(s, send(s, m1(s, refDo, pm(s), repeatStart)));
                    ObjectNode utc = m1(s, refDo, pm(s), repeatStart);
                    utc.put("Debut_Inter", repeatStart.toString());
                    String second = Answers.expectReference(s, send(s, utc));
                    s.check(first.equals(second), "the same Ref_Interv_OI " + first, "got " + second);
                });
        test("OI-F1-029", "Two DO references get two OI references", "spec 2.1.6", Level.REQUIRED, s -> {
            requireMain();
            s.check(endFirstRef == null || !endFirstRef.equals(mainRef), "distinct Ref_Interv_OI", "both are " + mainRef);
            String other = Answers.expectReference(s, send(s, m1(s, s.reference("OTHER"), pm(s), nextStart())));
            s.check(!other.equals(mainRef), "a Ref_Interv_OI other than " + mainRef, "got the same");
        });
        test("OI-F1-030", "The same M3 again is a repeat: OK with the same Ref_Interv_OI", "spec 4 (duplicate M1/M3); rules: The OI receiving M1 and M3",
                Level.REQUIRED, s -> {
                    endCorrectedStart = nextStart();
                    ObjectNode m3 = Bodies.m3(m1(s, s.reference("M3TWICE"), pm(s), endCorrectedStart), endCorrectedStart.plusSeconds(300));
                    endCorrectedRef = Answers.expectReference(s, send(s, m3));
                    awaitMessages(s, ocs(s).get(0), endCorrectedStart, true, 1);
                    String again = Answers.expectReference(s, send(s, m3));
                    s.check(again.equals(endCorrectedRef), "the same Ref_Interv_OI " + endCorrectedRef, "got " + again);
                });
        test("OI-F1-031", "A changed M3 (another end) is a correction: OK, same Ref_Interv_OI", "spec 4 (re-emission of a modified M3)",
                Level.REQUIRED, s -> {
                    if (endCorrectedRef == null) {
                        throw CheckFailed.skip("OI-F1-030 did not pass");
                    }
                    ObjectNode m3 = Bodies.m3(m1(s, s.reference("M3TWICE"), pm(s), endCorrectedStart), endCorrectedStart.plusSeconds(420));
                    String ref = Answers.expectReference(s, send(s, m3));
                    s.check(ref.equals(endCorrectedRef), "the same Ref_Interv_OI " + endCorrectedRef, "got " + ref);
                });

        // flux 2: the OI sending M2/M4 to the kit's OCs
        test("OI-F2-001", "The M2 reaches every OC present at the PM, in time", "spec 2.1.4 (condition: R M1 OK); spec 2.1.6 (immediate)",
                Level.REQUIRED, s -> {
                    requireMain();
                    for (String oc : ocs(s)) {
                        awaitMessages(s, oc, mainStart, false, 1);
                    }
                });
        test("OI-F2-002", "The M2 is valid against the contract and carries the OI's code, reference, PM and start", "spec 2.1.4; contract intervention_OI",
                Level.REQUIRED, s -> {
                    Listener.Received m2 = firstMain(s);
                    Answers.expectValid(s, Rules.Body.INTERVENTION_OI, m2);
                    s.check(s.config().get("oi-code").equals(m2.text("Code_OI")), "Code_OI " + s.config().get("oi-code"), "got " + m2.text("Code_OI"));
                    s.check(mainRef.equals(m2.text("Ref_Interv_OI")), "Ref_Interv_OI " + mainRef + " (R M1's)", "got " + m2.text("Ref_Interv_OI"));
                    s.check(pm(s).equals(m2.text("PM")), "PM " + pm(s), "got " + m2.text("PM"));
                    s.check(m2.text("Fin_Inter") == null, "no Fin_Inter in an M2", "got " + m2.text("Fin_Inter"));
                });
        test("OI-F2-003", "The M2 says nothing of the DO: no Code_DO, Ref_Interv_DO, nature or PTO", "spec 2.1.4 (anonymised); rules: The OI sending M2 and M4",
                Level.REQUIRED, s -> {
                    Listener.Received m2 = firstMain(s);
                    for (String field : List.of("Code_DO", "Ref_Interv_DO", "Nature_PBO_PTO", "nature", "PTO")) {
                        s.check(!m2.json().findParents(field).iterator().hasNext(), "no " + field, "found it in " + m2.body());
                    }
                    s.check(!m2.body().contains(mainRefDo), "the DO's reference nowhere", "found " + mainRefDo + " in " + m2.body());
                    s.check(!containsValue(m2.json(), s.config().get("do-code")), "the DO's code nowhere",
                            "found " + s.config().get("do-code") + " in " + m2.body());
                });
        test("OI-F2-004", "The M2 lists the distinct PBOs the DO gave", "spec 2.1.4 (PBO); rules: What they carry", Level.REQUIRED, s -> {
            Listener.Received m2 = firstMain(s);
            List<String> pbos = new ArrayList<>();
            JsonNode list = m2.json().get("PBO");
            if (list != null && list.isArray()) {
                list.forEach(entry -> pbos.add(Json.text(entry, "PBO")));
            }
            s.check(pbos.size() == 2 && new HashSet<>(pbos).equals(Set.of("PT-KIT-A", "PT-KIT-B")), "PBO [PT-KIT-A, PT-KIT-B]", "got " + pbos);
        });
        test("OI-F2-005", "The M2's start is the M1's, written with an offset", "contract date-time; decision 0006", Level.REQUIRED, s -> {
            Listener.Received m2 = firstMain(s);
            Answers.expectWellWritten(s, m2, "Debut_Inter");
            s.check(mainStart.equals(Rules.instant(m2.text("Debut_Inter")).orElse(null)), "Debut_Inter at " + mainStart, "got " + m2.text("Debut_Inter"));
        });
        test("OI-F2-006", "No null on the wire: an M2 leaves Fin_Inter out", "contract (non-nullable strings); decision 0004", Level.REQUIRED,
                s -> Answers.expectWellWritten(s, firstMain(s)));
        test("OI-F2-007", "The M4 follows the M3 to every OC, with Fin_Inter, valid, after the M2", "spec 2.1.4 (condition: R M3 OK); spec 2.1.1",
                Level.REQUIRED, s -> {
                    requireMain();
                    for (String oc : ocs(s)) {
                        Listener.Received m4 = awaitMessages(s, oc, mainStart, true, 1).get(0);
                        Answers.expectValid(s, Rules.Body.INTERVENTION_OI, m4);
                        Answers.expectWellWritten(s, m4, "Debut_Inter", "Fin_Inter");
                        s.check(mainStart.plusSeconds(600).equals(Rules.instant(m4.text("Fin_Inter")).orElse(null)),
                                "Fin_Inter at " + mainStart.plusSeconds(600), "got " + m4.text("Fin_Inter"));
                        s.check(mainRef.equals(m4.text("Ref_Interv_OI")), "Ref_Interv_OI " + mainRef, "got " + m4.text("Ref_Interv_OI"));
                    }
                });
        test("OI-F2-008", "M1 and M3 sent back to back: each OC gets the M2 before the M4", "spec 2.1.1 (sequence); rules: In order",
                Level.REQUIRED, s -> {
                    Instant start = nextStart();
                    ObjectNode m1 = m1(s, s.reference("B2B"), pm(s), start);
                    Answers.expectReference(s, send(s, m1));
                    Answers.expectReference(s, send(s, Bodies.m3(m1, start.plusSeconds(60))));
                    for (String oc : ocs(s)) {
                        awaitMessages(s, oc, start, true, 1);
                        List<Listener.Received> both = s.listener().all(message(oc, start, null));
                        s.check(both.size() >= 2 && both.get(0).text("Fin_Inter") == null, "the M2 first, then the M4, at " + oc,
                                "received in this order: " + both.stream().map(r -> r.text("Fin_Inter") == null ? "M2" : "M4").toList());
                    }
                });
        test("OI-F2-009", "An M3 without M1 gives the OCs only an M4, no M2", "spec 2.1.6; rules: The OI receiving M1 and M3", Level.REQUIRED, s -> {
            if (endFirstRef == null) {
                throw CheckFailed.skip("OI-F1-025 did not pass");
            }
            for (String oc : ocs(s)) {
                awaitMessages(s, oc, endFirstStart, true, 1);
                List<Listener.Received> m2s = s.listener().all(message(oc, endFirstStart, false));
                s.check(m2s.isEmpty(), "no M2 at " + oc, "got " + m2s.size());
            }
        });
        test("OI-F2-010", "A corrected M1 sends a corrected M2", "spec 4 (re-emission of a modified M1)", Level.REQUIRED, s -> {
            if (correctedStart == null) {
                throw CheckFailed.skip("OI-F1-027 did not run");
            }
            String oc = ocs(s).get(0);
            List<Listener.Received> m2s = awaitMessages(s, oc, correctedStart, false, 2);
            s.check(m2s.get(m2s.size() - 1).body().contains("PT-KIT-E"), "a second M2 with PBO PT-KIT-E", "got " + m2s.get(m2s.size() - 1).body());
        });
        test("OI-F2-020", "A corrected M3 sends a corrected M4", "spec 4 (re-emission of a modified M3)", Level.REQUIRED, s -> {
            if (endCorrectedRef == null) {
                throw CheckFailed.skip("OI-F1-030 did not pass");
            }
            Instant corrected = endCorrectedStart.plusSeconds(420);
            List<Listener.Received> m4s = awaitMessages(s, ocs(s).get(0), endCorrectedStart, true, 2);
            Listener.Received last = m4s.get(m4s.size() - 1);
            s.check(corrected.equals(Rules.instant(last.text("Fin_Inter")).orElse(null)), "a second M4 with Fin_Inter at " + corrected,
                    "got " + last.body());
        });
        test("OI-F2-011", "An OC not present at the PM receives nothing", "spec 2.1.4 (OCs present at the PM)", Level.REQUIRED, s -> {
            partialStart = nextStart();
            partialRef = Answers.expectReference(s, send(s, m1(s, s.reference("PARTIAL"), pmPartial(s), partialStart)));
            Answers.expectReference(s, send(s, Bodies.m3(m1(s, s.reference("PARTIAL"), pmPartial(s), partialStart), partialStart.plusSeconds(120))));
            awaitMessages(s, ocs(s).get(1), partialStart, true, 1);
            List<Listener.Received> absent = s.listener().all(message(ocs(s).get(0), partialStart, null));
            s.check(absent.isEmpty(), "nothing at " + ocs(s).get(0) + " (not present at " + pmPartial(s) + ")", "got " + absent.size() + " messages");
        });
        test("OI-F2-012", "After a 503, the OI sends the M2 again", "spec 3 (automatic retry)", Level.REQUIRED, s -> {
            Instant start = nextStart();
            String oc = ocs(s).get(0);
            script(key(oc, start), Listener.Reply.of(503, null));
            Answers.expectReference(s, send(s, m1(s, s.reference("RETRY503"), pm(s), start)));
            awaitMessages(s, oc, start, false, 1);
            List<Listener.Received> tries = s.listener().await(message(oc, start, false), 2, s.config().seconds("retry-wait-seconds"));
            tries.forEach(r -> s.saw(r.exchange("503 first, then the same M2 again")));
            s.check(tries.size() >= 2, "the M2 sent again within " + s.config().get("retry-wait-seconds") + " s of a 503", "it came " + tries.size() + " time(s)");
        });
        test("OI-F2-013", "After a 429 (busy), the OI sends the M2 again", "spec 3; rules: retried", Level.RECOMMENDED, s -> {
            Instant start = nextStart();
            String oc = ocs(s).get(1);
            script(key(oc, start), Listener.Reply.of(429, null));
            Answers.expectReference(s, send(s, m1(s, s.reference("RETRY429"), pm(s), start)));
            List<Listener.Received> tries = s.listener().await(message(oc, start, false), 2, s.config().seconds("retry-wait-seconds"));
            tries.forEach(r -> s.saw(r.exchange("429 first, then the same M2 again")));
            s.check(tries.size() >= 2, "the M2 sent again after a 429", "it came " + tries.size() + " time(s)");
        });
        test("OI-F2-019", "When the OC does not answer in time, the OI sends the M2 again", "spec 3 (automatic retry); rules: retried (a timeout)",
                Level.RECOMMENDED, s -> {
                    int slow = s.config().number("slow-answer-seconds");
                    if (slow == 0) {
                        throw CheckFailed.skip("set --slow-answer-seconds above the OI's read timeout to run it");
                    }
                    Instant start = nextStart();
                    String oc = ocs(s).get(0);
                    script(key(oc, start), new Listener.Reply(200, Bodies.answer("OK"), Duration.ofSeconds(slow)));
                    Answers.expectReference(s, send(s, m1(s, s.reference("SLOW"), pm(s), start)));
                    List<Listener.Received> tries = s.listener().await(message(oc, start, false), 2,
                            s.config().seconds("retry-wait-seconds").plusSeconds(slow));
                    tries.forEach(r -> s.saw(r.exchange("the first answered after " + slow + " s, then the same M2 again")));
                    s.check(tries.size() >= 2, "the M2 sent again after the kit's OC answered " + slow + " s late", "it came " + tries.size() + " time(s)");
                });
        test("OI-F2-014", "An M2 refused by the OC (PM_INCONNU) is not sent again unchanged (checked at the end of the run)",
                "rules: not retried", Level.RECOMMENDED, s -> {
                    refusedAtOcStart = nextStart();
                    String oc = ocs(s).get(0);
                    script(key(oc, refusedAtOcStart), Listener.Reply.of(404, Bodies.answer("PM_INCONNU")));
                    Answers.expectReference(s, send(s, m1(s, s.reference("REFUSED"), pm(s), refusedAtOcStart)));
                    awaitMessages(s, oc, refusedAtOcStart, false, 1);
                });
        test("OI-F2-015", "The OI calls the OCs with a bearer token", "contract securitySchemes api_auth; decision 0007", Level.RECOMMENDED, s -> {
            Listener.Received m2 = firstMain(s);
            String authorization = m2.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Authorization"))
                    .map(Map.Entry::getValue).findFirst().orElse("");
            s.check(authorization.startsWith("Bearer "), "Authorization: Bearer ...", "got '" + authorization + "'");
        });

        // flux 3: the kit's OCs sending M5
        test("OI-F3-001", "An M5 without customers for an ended intervention: OK (0)", "spec 2.1.5 R M5; contract POST /client_HS_OC_Par_Inter",
                Level.REQUIRED, s -> {
                    requireMain();
                    Answers.expect(s, m5(s, ocs(s).get(0), Bodies.m5(ocs(s).get(0), mainRef)), "OK");
                });
        test("OI-F3-002", "An M5 with a customer down within the window: OK; a second M5 replaces it: OK", "spec 2.1.5; rules: The OI receiving M5",
                Level.REQUIRED, s -> {
                    requireMain();
                    String oc = ocs(s).get(1);
                    Answers.expect(s, m5(s, oc, Bodies.m5(oc, mainRef, "FI-KIT-9001", mainStart.plusSeconds(60))), "OK");
                    Answers.expect(s, m5(s, oc, Bodies.m5(oc, mainRef, "FI-KIT-9001", mainStart.plusSeconds(60), "FI-KIT-9002", mainStart.plusSeconds(90))), "OK");
                });
        test("OI-F3-003", "An M5 for a reference the OI never issued: REF_INTERV_OI_INCONNUE (3), HTTP 404", "spec 2.1.5 R M5; contract 404",
                Level.REQUIRED, s -> {
                    String oc = ocs(s).get(0);
                    Answers.expect(s, m5(s, oc, Bodies.m5(oc, s.reference("NEVER-ISSUED"))), "REF_INTERV_OI_INCONNUE");
                });
        test("OI-F3-004", "An M5 without Code_OC_impacte: CHAMPS_NON_RENSEIGNE", "spec 2.1.5 R M5", Level.REQUIRED, s -> {
            requireMain();
            ObjectNode body = Bodies.m5(ocs(s).get(0), mainRef);
            body.remove("Code_OC_impacte");
            Answers.expect(s, m5(s, ocs(s).get(0), body), "CHAMPS_NON_RENSEIGNE");
        });
        test("OI-F3-005", "A customer without HMS_Coupure: CHAMPS_NON_RENSEIGNE", "contract client_HS_OC required", Level.REQUIRED, s -> {
            requireMain();
            ObjectNode body = Bodies.m5(ocs(s).get(0), mainRef, "FI-KIT-9003", mainStart.plusSeconds(60));
            ((ObjectNode) body.get("Liste_Clients_HS").get(0)).remove("HMS_Coupure");
            Answers.expect(s, m5(s, ocs(s).get(0), body), "CHAMPS_NON_RENSEIGNE");
        });
        test("OI-F3-006", "An HMS_Coupure that is not a date: MAUVAIS_FORMAT", "contract date-time", Level.REQUIRED, s -> {
            requireMain();
            ObjectNode body = Bodies.m5(ocs(s).get(0), mainRef, "FI-KIT-9003", mainStart.plusSeconds(60));
            ((ObjectNode) body.get("Liste_Clients_HS").get(0)).put("HMS_Coupure", "25:99");
            Answers.expect(s, m5(s, ocs(s).get(0), body), "MAUVAIS_FORMAT");
        });
        test("OI-F3-007", "An M5 from an OC for an intervention the OI did not send it is refused, nothing stored",
                "rules: The OI receiving M5 (an OC speaks about interventions sent to it)", Level.REQUIRED, s -> {
                    if (partialRef == null) {
                        throw CheckFailed.skip("OI-F2-011 did not pass");
                    }
                    String outsider = ocs(s).get(0);
                    Http.Response response = m5(s, outsider, Bodies.m5(outsider, partialRef));
                    s.expected("403, or REF_INTERV_OI_INCONNUE (404)");
                    s.check(response.status() == 403 || "REF_INTERV_OI_INCONNUE".equals(response.text("Libelle_Reponse")),
                            "a refusal (403 or REF_INTERV_OI_INCONNUE)", "got HTTP " + response.status() + " " + Answers.abbreviate(response.body()));
                });
        test("OI-F3-008", "An OC cannot speak for another OC (Code_OC_impacte not the caller's): refused", "rules: The OI receiving M5; decision 0007",
                Level.RECOMMENDED, s -> {
                    requireMain();
                    if (s.config().get("token-url") == null) {
                        throw CheckFailed.skip("needs --token-url: without tokens the OI cannot tell who calls");
                    }
                    Http.Response response = m5(s, ocs(s).get(0), Bodies.m5(ocs(s).get(1), mainRef));
                    s.check(response.status() == 403 || (response.status() >= 400 && response.status() < 500),
                            "a refusal (403)", "got HTTP " + response.status() + " " + Answers.abbreviate(response.body()));
                });
        test("OI-F3-009", "An M5 for an intervention not ended yet: REF_INTERV_OI_INCONNUE", "rules: M5 for an intervention that has not ended",
                Level.RECOMMENDED, s -> {
                    if (correctedStart == null) {
                        throw CheckFailed.skip("OI-F1-027 did not run");
                    }
                    String oc = ocs(s).get(0);
                    String ref = awaitMessages(s, oc, correctedStart, false, 1).get(0).text("Ref_Interv_OI");
                    Answers.expect(s, m5(s, oc, Bodies.m5(oc, ref)), "REF_INTERV_OI_INCONNUE");
                });
        test("OI-F3-010", "Bad input on M5 never gets a 5xx", "rules: Answering", Level.REQUIRED, s -> {
            for (String body : List.of("", "[]", "{\"Code_OC_impacte\":1}", "{\"Liste_Clients_HS\":{}}", "{\"Ref_Interv_OI\":[null]}")) {
                Http.Response response = s.http().post(url(s, M5_PATH), "application/json", body, ocs(s).get(0));
                s.check(response.status() >= 400 && response.status() < 500, "a 4xx for " + body, "got HTTP " + response.status());
            }
        });

        // checked last: what the whole run saw
        test("OI-F2-016", "A repeated M1 sends no second M2", "rules: The OI receiving M1 and M3 (a repeat does nothing)", Level.RECOMMENDED, s -> {
            requireMain();
            for (Instant start : new Instant[] {mainStart, repeatStart}) {
                if (start == null) {
                    continue;
                }
                for (String oc : ocs(s)) {
                    List<Listener.Received> m2s = s.listener().all(message(oc, start, false));
                    m2s.forEach(r -> s.saw(r.exchange("one M2")));
                    s.check(m2s.size() <= 1, "one M2 at " + oc, "got " + m2s.size());
                }
            }
        });
        test("OI-F2-017", "An M1 after its M3 sends nothing", "spec 4 (M1/M3 at the OI)", Level.REQUIRED, s -> {
            if (endFirstRef == null) {
                throw CheckFailed.skip("OI-F1-025 did not pass");
            }
            for (String oc : ocs(s)) {
                List<Listener.Received> all = s.listener().all(message(oc, endFirstStart, null));
                all.forEach(r -> s.saw(r.exchange("only one M4")));
                s.check(all.size() == 1, "only the M4 at " + oc, "got " + all.size() + " messages");
            }
        });
        test("OI-F2-021", "A repeated M3 sends no second M4", "rules: The OI receiving M1 and M3 (a repeat does nothing)", Level.RECOMMENDED, s -> {
            if (endCorrectedRef == null) {
                throw CheckFailed.skip("OI-F1-030 did not pass");
            }
            Instant first = endCorrectedStart.plusSeconds(300);
            for (String oc : ocs(s)) {
                List<Listener.Received> m4s = s.listener().all(message(oc, endCorrectedStart, true).and(
                        r -> first.equals(Rules.instant(r.text("Fin_Inter")).orElse(null))));
                m4s.forEach(r -> s.saw(r.exchange("one M4 with the first end")));
                s.check(m4s.size() == 1, "one M4 with the first end at " + oc, "got " + m4s.size());
            }
        });
        test("OI-F2-018", "The M2 refused by an OC was never sent again", "rules: not retried", Level.RECOMMENDED, s -> {
            if (refusedAtOcStart == null) {
                throw CheckFailed.skip("OI-F2-014 did not run");
            }
            List<Listener.Received> all = s.listener().all(message(ocs(s).get(0), refusedAtOcStart, false));
            all.forEach(r -> s.saw(r.exchange("a single M2: it was answered PM_INCONNU")));
            s.check(all.size() == 1, "a single M2", "it came " + all.size() + " times");
        });
    }

    @Override
    public Role role() {
        return Role.OI;
    }

    @Override
    public String referential(KitConfig config) {
        List<String> ocs = config.ocCodes();
        return """
                The OI under test must know, before the run:
                  its code:               %1$s  (the kit sends it as Code_OI)
                  a DO partner:           %2$s  (the kit's Code_DO%3$s)
                  PM %4$s with the OCs %5$s and %6$s present
                  PM %7$s with %6$s present and %5$s NOT present
                  OC %5$s: base URL <kit>/%5$s, flux 3 on%8$s
                  OC %6$s: base URL <kit>/%6$s, flux 3 on%9$s
                where <kit> is the URL the OI reaches the kit at (--public-url, else the --listen address).
                Every Ref_Interv_DO the kit sends starts with %10$s-.""".formatted(config.get("oi-code"), config.get("do-code"),
                config.get("client-id") == null ? "" : "; token of client " + config.get("client-id"), config.get("pm"), ocs.get(0), ocs.get(1),
                config.get("pm-partial"), secretNote(config, ocs.get(0)), secretNote(config, ocs.get(1)), config.prefix());
    }

    private static String secretNote(KitConfig config, String oc) {
        return config.get("token-url") == null ? "" : config.ocSecrets().containsKey(oc) ? "; M5 with a token of client " + oc
                : "; no --oc-secret " + oc + "=...: its M5 tests are skipped";
    }

    /** The kit's OCs' answers: a canned one when a test set it, else what the protocol owes. */
    @Override
    public Listener.Responder responder() {
        return (oc, path, body, json) -> {
            Instant start = Rules.instant(Json.text(json, "Debut_Inter")).orElse(null);
            Listener.Reply reply = scripted(start == null ? null : key(oc, start));
            if (reply != null) {
                return reply;
            }
            String label = Rules.expectedAnswer(Rules.Body.INTERVENTION_OI, body);
            return Listener.Reply.of(Rules.httpStatus(label), Bodies.answer(label));
        };
    }

    // --- helpers

    /** Spoils a valid body. */
    private interface Spoiler {
        void spoil(ObjectNode body);
    }

    /** A test that spoils a valid M1 and expects {@code label}. */
    private void refusal(String id, String title, String clause, Level level, String label, Spoiler spoiler) {
        test(id, title, clause, level, s -> {
            ObjectNode body = m1(s, s.reference(id.substring(3)), pm(s), nextStart(), "PT-KIT-X");
            spoiler.spoil(body);
            Answers.expect(s, send(s, body), label);
        });
    }

    private void refusal(String id, String title, String clause, Level level, String label, java.util.function.BiConsumer<ObjectNode, Session> spoiler) {
        test(id, title, clause, level, s -> {
            ObjectNode body = m1(s, s.reference(id.substring(3)), pm(s), nextStart(), "PT-KIT-X");
            spoiler.accept(body, s);
            Answers.expect(s, send(s, body), label);
        });
    }

    private void mainM1(Session s) {
        mainStart = nextStart();
        mainRefDo = s.reference("MAIN");
        mainAnswer = send(s, m1(s, mainRefDo, pm(s), mainStart, "PT-KIT-A", "PT-KIT-A", "PT-KIT-B"));
        mainRef = Answers.expectReference(s, mainAnswer);
    }

    private void requireMain() {
        if (mainRef == null) {
            throw CheckFailed.skip("OI-F1-001 did not pass: no intervention to build on");
        }
    }

    private Listener.Received firstMain(Session s) {
        requireMain();
        return awaitMessages(s, ocs(s).get(0), mainStart, false, 1).get(0);
    }

    private static String key(String oc, Instant start) {
        return oc + "|" + start;
    }

    private static Predicate<Listener.Received> message(String oc, Instant start, Boolean withEnd) {
        return r -> r.path().endsWith("/intervention_OI") && oc.equals(r.oc())
                && start.equals(Rules.instant(r.text("Debut_Inter")).orElse(null))
                && (withEnd == null || withEnd == (r.text("Fin_Inter") != null));
    }

    /** Waits for {@code count} M2s (M4s when {@code end}) of the intervention starting at {@code start}; fails when fewer come in time. */
    private static List<Listener.Received> awaitMessages(Session s, String oc, Instant start, boolean end, int count) {
        List<Listener.Received> found = s.listener().await(message(oc, start, end), count, s.waitFor());
        found.forEach(r -> s.saw(r.exchange(null)));
        s.check(found.size() >= count, count + " " + (end ? "M4" : "M2") + " at " + oc + " within " + s.waitFor().toSeconds() + " s",
                "received " + found.size());
        return found;
    }

    private static boolean containsValue(JsonNode node, String value) {
        if (node.isString()) {
            return node.asString().equals(value);
        }
        for (JsonNode child : node.values()) {
            if (containsValue(child, value)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode m1(Session s, String refDo, String pm, Instant start, String... pbos) {
        return Bodies.m1(s.config().get("do-code"), s.config().get("oi-code"), refDo, pm, start, pbos);
    }

    private static Http.Response send(Session s, ObjectNode body) {
        return s.http().postJson(url(s, DO_PATH), Json.write(body), doClient(s));
    }

    private static Http.Response m5(Session s, String oc, ObjectNode body) {
        return s.http().postJson(url(s, M5_PATH), Json.write(body), oc);
    }

    private static String doClient(Session s) {
        return s.config().get("client-id");
    }

    private static String url(Session s, String path) {
        return s.config().target() + path;
    }

    private static String pm(Session s) {
        return s.config().get("pm");
    }

    private static String pmPartial(Session s) {
        return s.config().get("pm-partial");
    }

    private static List<String> ocs(Session s) {
        return s.config().ocCodes();
    }
}
