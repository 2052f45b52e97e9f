package fr.eintervention.conformance.v1;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * v1 against an OC: the kit is its OI. It sends M2/M4 to {@code /v1/intervention_OI} and checks the
 * answers; then it waits for the M5 the OC owes after the M4 (flux 3 is optional: its absence is a
 * warning), answering the first one 503 to see the OC send it again.
 */
public final class OcSuite extends V1Suite {

    private static final String OI_PATH = "/v1/intervention_OI";
    private static final String M5_PATH = "/v1/client_HS_OC_Par_Inter";

    private Http.Response mainAnswer;
    private String mainRef;
    private Instant mainStart;
    private Listener.Received m5;

    public OcSuite() {
        test("OC-F2-001", "A valid M2 is accepted: OK (0), HTTP 200", "spec 2.1.4 R M2; contract POST /intervention_OI 200", Level.REQUIRED, s -> {
            mainStart = nextStart();
            mainRef = s.reference("MAIN");
            script(mainRef, Listener.Reply.of(503, null));
            mainAnswer = send(s, m2(s, mainRef, pm(s), mainStart, null, "PT-KIT-A"));
            Answers.expect(s, mainAnswer, "OK");
        });
        test("OC-F2-002", "The answer has the contract's shape", "contract reponse_Intervention_OI", Level.REQUIRED, s -> {
            requireMain();
            List<String> faults = Answers.shapeFaults(mainAnswer);
            s.check(faults.isEmpty(), "an answer of the contract's shape", String.join("; ", faults));
        });
        test("OC-F2-003", "The same M2 again is a repeat: OK", "rules: The OC receiving M2 and M4; at-least-once delivery", Level.REQUIRED, s -> {
            requireMain();
            Answers.expect(s, send(s, m2(s, mainRef, pm(s), mainStart, null, "PT-KIT-A")), "OK");
        });
        test("OC-F2-004", "A changed M2 (same Ref_Interv_OI) is a correction: OK", "spec 4 (R Mx KO, re-emission)", Level.REQUIRED, s -> {
            requireMain();
            Answers.expect(s, send(s, m2(s, mainRef, pm(s), mainStart, null, "PT-KIT-A", "PT-KIT-B")), "OK");
        });
        test("OC-F2-005", "The M4 after its M2 is accepted: OK", "spec 2.1.4 (M4)", Level.REQUIRED, s -> {
            requireMain();
            Answers.expect(s, send(s, m2(s, mainRef, pm(s), mainStart, mainStart.plusSeconds(600), "PT-KIT-A", "PT-KIT-B")), "OK");
        });
        test("OC-F2-006", "An M4 without M2 is accepted: OK (the OI got an M3 without M1)", "spec 2.1.6 (2); rules: The OC receiving M2 and M4",
                Level.REQUIRED, s -> {
                    Instant start = nextStart();
                    Answers.expect(s, send(s, m2(s, s.reference("M4ALONE"), pm(s), start, start.plusSeconds(300))), "OK");
                });
        refusal("OC-F2-007", "An M2 without PM: CHAMPS_NON_RENSEIGNE (1), HTTP 400", "spec 2.1.4 R M2; contract 400", Level.REQUIRED,
                "CHAMPS_NON_RENSEIGNE", (body, s) -> body.remove("PM"));
        refusal("OC-F2-008", "An M2 without Ref_Interv_OI nor Debut_Inter: CHAMPS_NON_RENSEIGNE", "spec 2.1.4 R M2", Level.REQUIRED,
                "CHAMPS_NON_RENSEIGNE", (body, s) -> {
                    body.remove("Ref_Interv_OI");
                    body.remove("Debut_Inter");
                });
        refusal("OC-F2-009", "A Code_OI that is not 4 of [0-9A-Z]: MAUVAIS_FORMAT (2)", "spec 2.1.4; decision 0005", Level.REQUIRED,
                "MAUVAIS_FORMAT", (body, s) -> body.put("Code_OI", "OI 1"));
        refusal("OC-F2-010", "A Debut_Inter that is not a date: MAUVAIS_FORMAT", "contract date-time", Level.REQUIRED,
                "MAUVAIS_FORMAT", (body, s) -> body.put("Debut_Inter", "2026-13-45T99:00:00Z"));
        refusal("OC-F2-011", "A Fin_Inter before Debut_Inter: MAUVAIS_FORMAT", "rules: Fin_Inter", Level.REQUIRED,
                "MAUVAIS_FORMAT", (body, s) -> body.put("Fin_Inter", Bodies.time(Rules.instant(body.get("Debut_Inter").asString()).orElseThrow()
                        .minusSeconds(3600))));
        refusal("OC-F2-012", "A PBO that is not an array: MAUVAIS_FORMAT", "contract intervention_OI.PBO", Level.REQUIRED,
                "MAUVAIS_FORMAT", (body, s) -> body.put("PBO", "PT-KIT-A"));
        test("OC-F2-013", "A body that is not JSON: MAUVAIS_FORMAT, HTTP 400, in the contract's shape", "rules: Answering", Level.REQUIRED,
                s -> Answers.expect(s, s.http().post(url(s, OI_PATH), "application/json", "{\"Code_OI\":", oiClient(s)), "MAUVAIS_FORMAT"));
        test("OC-F2-014", "A Code_OI that is not a partner OI: CODE_OI_INCONNU (3), HTTP 404 (or 403 when the caller's token is another OI's)",
                "contract reponse_Intervention_OI; decision 0003; docs security (a partner speaks only for itself)", Level.REQUIRED, s -> {
                    ObjectNode body = m2(s, s.reference("F2-014"), pm(s), nextStart(), null, "PT-KIT-X");
                    body.put("Code_OI", "ZZ99");
                    Http.Response response = send(s, body);
                    if (response.status() == 403 && s.config().get("token-url") != null) {
                        return;
                    }
                    Answers.expect(s, response, "CODE_OI_INCONNU");
                });
        refusal("OC-F2-015", "A PM the OC does not serve: PM_INCONNU (4), HTTP 404", "spec 2.1.4 R M2; decision 0003 (numbered 4)",
                Level.RECOMMENDED, "PM_INCONNU", (body, s) -> body.put("PM", s.config().prefix() + "-UNKNOWN-PM"));
        test("OC-F2-016", "Bad input never gets a 5xx: every answer is a 4xx", "rules: Answering", Level.REQUIRED, s -> {
            for (String body : List.of("", "[]", "null", "{}", "{\"PBO\":[1]}", "{\"Code_OI\":[],\"PM\":{}}", "[".repeat(200))) {
                Http.Response response = s.http().post(url(s, OI_PATH), "application/json", body, oiClient(s));
                s.check(response.status() >= 400 && response.status() < 500, "a 4xx for " + Answers.abbreviate(body), "got HTTP " + response.status());
            }
        });
        test("OC-F2-017", "An M2 without the optional PBO is accepted", "contract intervention_OI (PBO optional)", Level.REQUIRED, s -> {
            ObjectNode body = m2(s, s.reference("NOPBO"), pm(s), nextStart(), null);
            body.remove("PBO");
            Answers.expect(s, send(s, body), "OK");
        });
        test("OC-F2-018", "The specification's timestamp form AAAAMMDD HH:MM:SS is accepted", "spec 2.1.4; decision 0006", Level.RECOMMENDED, s -> {
            Instant start = nextStart();
            ObjectNode body = m2(s, s.reference("SPECTIME"), pm(s), start, null);
            body.put("Debut_Inter", java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss").format(start.atZone(Bodies.PARIS)));
            Answers.expect(s, send(s, body), "OK");
        });
        test("OC-F2-019", "An M2 with \"Fin_Inter\": null (the specification's NULL) is an M2: OK", "spec 2.1.4 (Fin_Inter NULL); decision 0004",
                Level.RECOMMENDED, s -> {
                    ObjectNode body = m2(s, s.reference("NULLEND"), pm(s), nextStart(), null);
                    body.putNull("Fin_Inter");
                    Answers.expect(s, send(s, body), "OK");
                });
        test("OC-F2-020", "An M2 arriving after its M4 (late, or re-sent) is answered OK", "rules: The OC receiving M2 and M4", Level.RECOMMENDED, s -> {
            Instant start = nextStart();
            String ref = s.reference("LATE");
            Answers.expect(s, send(s, m2(s, ref, pm(s), start, start.plusSeconds(300))), "OK");
            Answers.expect(s, send(s, m2(s, ref, pm(s), start, null)), "OK");
        });

        test("OC-F3-001", "After the M4, the OC sends its M5 (flux 3 is optional: a warning when none comes)", "spec 2.1.5 (condition: M4 received); spec 2.1.6 (same day)",
                Level.RECOMMENDED, s -> {
                    requireMain();
                    s.operator().ask("m5", "make the OC send the M5 of intervention " + mainRef + " (PM " + pm(s) + ", M4 sent by the kit): "
                            + "flux 3 on, with or without customers down between " + Bodies.time(mainStart) + " and "
                            + Bodies.time(mainStart.plusSeconds(600)));
                    Optional<Listener.Received> first = s.listener().awaitOne(m5Of(mainRef), s.config().seconds("operator-wait-seconds"));
                    first.ifPresent(r -> s.saw(r.exchange("an M5 for " + mainRef)));
                    s.check(first.isPresent(), "an M5 for " + mainRef + " within " + s.config().get("operator-wait-seconds") + " s", "none came");
                    m5 = first.get();
                });
        test("OC-F3-002", "The M5 is valid against the contract", "contract client_HS_OC_Par_Inter", Level.REQUIRED, s -> {
            Listener.Received received = requireM5(s);
            Answers.expectValid(s, Rules.Body.CLIENTS_HS, received);
        });
        test("OC-F3-003", "The M5 speaks for the OC itself, about the OI's reference", "spec 2.1.5 (Code_OC_impacte); rules: The OC sending M5",
                Level.REQUIRED, s -> {
                    Listener.Received received = requireM5(s);
                    String code = s.config().get("oc-code");
                    s.check(code.equals(received.text("Code_OC_impacte")), "Code_OC_impacte " + code, "got " + received.text("Code_OC_impacte"));
                    s.check(mainRef.equals(received.text("Ref_Interv_OI")), "Ref_Interv_OI " + mainRef, "got " + received.text("Ref_Interv_OI"));
                });
        test("OC-F3-004", "No customer: the M5 leaves Liste_Clients_HS out (never empty, never null)", "spec 2.1.5 (conditional list); decision 0004",
                Level.REQUIRED, s -> {
                    Listener.Received received = requireM5(s);
                    s.check(!Answers.hasNull(received.json()), "no null", "got " + received.body());
                    var list = received.json().get("Liste_Clients_HS");
                    s.check(list == null || !list.isArray() || !list.isEmpty(), "no empty Liste_Clients_HS", "got " + received.body());
                });
        test("OC-F3-005", "Each customer's HMS_Coupure has an offset and lies within [Debut_Inter, Fin_Inter]", "spec 2.1.5; decision 0006",
                Level.REQUIRED, s -> {
                    Listener.Received received = requireM5(s);
                    var list = received.json().get("Liste_Clients_HS");
                    if (list == null || !list.isArray()) {
                        return;
                    }
                    for (var customer : list) {
                        String time = Json.text(customer, "HMS_Coupure");
                        s.check(Rules.hasOffset(time), "HMS_Coupure in ISO 8601 with an offset", "got " + time);
                        Instant at = Rules.instant(time).orElseThrow();
                        s.check(!at.isBefore(mainStart) && !at.isAfter(mainStart.plusSeconds(600)), "HMS_Coupure within the window", "got " + time);
                    }
                });
        test("OC-F3-006", "After a 503, the OC sends the M5 again", "spec 3 (automatic retry)", Level.RECOMMENDED, s -> {
            requireM5(s);
            List<Listener.Received> tries = s.listener().await(m5Of(mainRef), 2, s.config().seconds("retry-wait-seconds"));
            tries.forEach(r -> s.saw(r.exchange("503 first, then the same M5 again")));
            s.check(tries.size() >= 2, "the M5 sent again within " + s.config().get("retry-wait-seconds") + " s of a 503", "it came " + tries.size() + " time(s)");
        });
    }

    @Override
    public Role role() {
        return Role.OC;
    }

    @Override
    public String referential(KitConfig config) {
        return """
                The OC under test (its code: %1$s) must know, before the run:
                  the OI %2$s as a partner (the kit sends it as Code_OI%3$s)
                  PM %4$s among its PMs
                  for flux 3: the OI %2$s at base URL <kit> (the kit receives the M5 at <kit>/v1/client_HS_OC_Par_Inter)
                Every Ref_Interv_OI the kit sends starts with %5$s-.""".formatted(config.get("oc-code"), config.get("oi-code"),
                config.get("client-id") == null ? "" : "; token of client " + config.get("client-id"), config.get("pm"), config.prefix());
    }

    /** The kit's OI answers an M5: a canned answer first (503 for the main intervention), then what the protocol owes. */
    @Override
    public Listener.Responder responder() {
        return (oc, path, body, json) -> {
            Listener.Reply reply = path.endsWith(M5_PATH) ? scripted(Json.text(json, "Ref_Interv_OI")) : null;
            if (reply != null) {
                return reply;
            }
            String label = path.endsWith(M5_PATH) ? Rules.expectedAnswer(Rules.Body.CLIENTS_HS, body) : "MAUVAIS_FORMAT";
            return Listener.Reply.of(Rules.httpStatus(label), Bodies.answer(label));
        };
    }

    private interface Spoiler {
        void spoil(ObjectNode body, Session session);
    }

    private void refusal(String id, String title, String clause, Level level, String label, Spoiler spoiler) {
        test(id, title, clause, level, s -> {
            ObjectNode body = m2(s, s.reference(id.substring(3)), pm(s), nextStart(), null, "PT-KIT-X");
            spoiler.spoil(body, s);
            Answers.expect(s, send(s, body), label);
        });
    }

    private void requireMain() {
        if (mainRef == null || mainAnswer == null || mainAnswer.status() != 200) {
            throw CheckFailed.skip("OC-F2-001 did not pass: no intervention to build on");
        }
    }

    private Listener.Received requireM5(Session s) {
        if (m5 == null) {
            throw CheckFailed.skip("no M5 received (OC-F3-001)");
        }
        return m5;
    }

    private static Predicate<Listener.Received> m5Of(String ref) {
        return r -> r.path().endsWith(M5_PATH) && ref.equals(r.text("Ref_Interv_OI"));
    }

    private static ObjectNode m2(Session s, String ref, String pm, Instant start, Instant end, String... pbos) {
        return Bodies.m2(s.config().get("oi-code"), ref, pm, start, end, pbos);
    }

    private static Http.Response send(Session s, ObjectNode body) {
        return s.http().postJson(url(s, OI_PATH), Json.write(body), oiClient(s));
    }

    private static String oiClient(Session s) {
        return s.config().get("client-id");
    }

    private static String url(Session s, String path) {
        return s.config().target() + path;
    }

    private static String pm(Session s) {
        return s.config().get("pm");
    }
}
