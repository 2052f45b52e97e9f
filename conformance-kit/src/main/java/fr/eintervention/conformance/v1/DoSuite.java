package fr.eintervention.conformance.v1;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import fr.eintervention.conformance.suite.CheckFailed;
import fr.eintervention.conformance.suite.KitConfig;
import fr.eintervention.conformance.suite.Level;
import fr.eintervention.conformance.suite.Role;
import fr.eintervention.conformance.suite.Session;
import fr.eintervention.conformance.wire.Json;
import fr.eintervention.conformance.wire.Listener;
import fr.eintervention.conformance.wire.Rules;
import tools.jackson.databind.node.ObjectNode;

/**
 * v1 against a DO: the kit is the OI it declares to ({@code <kit>/v1/intervention_DO}). Only the
 * DO's own tools can start a declaration, so each scenario is an operator step (start a presence,
 * end it, start another): the kit says what to do and waits for the messages, as Inferno's
 * attestation steps do. It answers the first M1 503, to see it sent again, and the M1 of the
 * second presence PM_INCONNU, to see it not sent again.
 */
public final class DoSuite extends V1Suite {

    private static final String DO_PATH = "/v1/intervention_DO";

    private final AtomicBoolean firstM1Answered = new AtomicBoolean();
    private final Map<String, String> references = new ConcurrentHashMap<>();
    private volatile String firstRefDo;
    private volatile String refusedRefDo;
    private volatile KitConfig config;
    private volatile String runPrefix;
    private Listener.Received m1;
    private Listener.Received m3;
    private Listener.Received secondM1;

    public DoSuite() {
        test("DO-F1-001", "The DO declares the start of a presence: an M1 reaches the OI", "spec 2.1.3 (M1); spec 2.1.6 (immediate)", Level.REQUIRED, s -> {
            prepare(s);
            s.operator().ask("start", "declare the START of a presence on PM " + pm(s) + " (OI " + s.config().get("oi-code")
                    + "), start time a few minutes ago; do not declare its end yet");
            m1 = awaitOne(s, r -> isM1(r), "an M1");
            firstRefDo = m1.text("Ref_Interv_DO");
        });
        test("DO-F1-002", "The M1 is valid against the contract", "contract intervention_DO; spec 2.1.3", Level.REQUIRED,
                s -> Answers.expectValid(s, Rules.Body.INTERVENTION_DO, requireM1()));
        test("DO-F1-003", "No null on the wire, and dates with an offset", "contract (non-nullable strings) ; decisions 0004, 0006", Level.REQUIRED,
                s -> Answers.expectWellWritten(s, requireM1(), "Debut_Inter", "Fin_Inter"));
        test("DO-F1-004", "The M1 names the kit's OI, the PM, the DO's code and a reference of its own", "spec 2.1.3", Level.REQUIRED, s -> {
            Listener.Received message = requireM1();
            s.check(s.config().get("oi-code").equals(message.text("Code_OI")), "Code_OI " + s.config().get("oi-code"), "got " + message.text("Code_OI"));
            s.check(pm(s).equals(message.text("PM")), "PM " + pm(s), "got " + message.text("PM"));
            s.check(s.config().get("do-code").equals(message.text("Code_DO")), "Code_DO " + s.config().get("do-code"), "got " + message.text("Code_DO"));
            s.check(Rules.isReference(message.text("Ref_Interv_DO")), "a Ref_Interv_DO of 1 to 50 [0-9A-Za-z_-]", "got " + message.text("Ref_Interv_DO"));
        });
        test("DO-F1-005", "The M1 answered 503 is sent again", "spec 3 (automatic retry)", Level.REQUIRED, s -> {
            requireM1();
            List<Listener.Received> tries = s.listener().await(r -> isM1(r) && firstRefDo.equals(r.text("Ref_Interv_DO")), 2,
                    s.config().seconds("retry-wait-seconds"));
            tries.forEach(r -> s.saw(r.exchange("503 first, then the same M1 again")));
            s.check(tries.size() >= 2, "the M1 sent again within " + s.config().get("retry-wait-seconds") + " s of a 503", "it came " + tries.size() + " time(s)");
        });
        test("DO-F1-006", "The M1 carries no nature 3 (AUCUNE ACTION is for the end)", "spec 2.1.3 (note on natures)", Level.REQUIRED, s -> {
            Listener.Received message = requireM1();
            for (var nature : message.json().path("Nature_PBO_PTO")) {
                s.check(nature.path("nature").asInt() != 3, "no nature 3 in an M1", "got " + message.body());
            }
        });
        test("DO-F1-007", "The start is not in the future (2 minutes of clock tolerance)", "spec 4 (timestamp quality); rules: The DO",
                Level.RECOMMENDED, s -> {
                    Listener.Received message = requireM1();
                    Instant start = Rules.instant(message.text("Debut_Inter")).orElseThrow(() -> CheckFailed.fault("no readable Debut_Inter"));
                    s.check(!start.isAfter(message.at().plus(Duration.ofMinutes(2))), "Debut_Inter before the time it was received",
                            "got " + message.text("Debut_Inter") + ", received " + message.at());
                });
        test("DO-F1-008", "The DO declares the end: an M3 with the same Ref_Interv_DO and start, an end not before the start, after the M1",
                "spec 2.1.3 (M3); spec 2.1.1 (sequence)", Level.REQUIRED, s -> {
                    Listener.Received first = requireM1();
                    s.operator().ask("end", "declare the END of the presence " + firstRefDo + " (the one just started)");
                    m3 = awaitOne(s, r -> isM3(r), "an M3");
                    Answers.expectValid(s, Rules.Body.INTERVENTION_DO, m3);
                    Answers.expectWellWritten(s, m3, "Debut_Inter", "Fin_Inter");
                    s.check(firstRefDo.equals(m3.text("Ref_Interv_DO")), "Ref_Interv_DO " + firstRefDo + " (the M1's)", "got " + m3.text("Ref_Interv_DO"));
                    s.check(Rules.instant(first.text("Debut_Inter")).equals(Rules.instant(m3.text("Debut_Inter"))), "the M1's Debut_Inter",
                            "got " + m3.text("Debut_Inter"));
                    s.check(!m3.at().isBefore(first.at()), "the M3 after the M1", "the M3 came first");
                });
        test("DO-F1-009", "A new presence gets a new Ref_Interv_DO", "spec 2.1.6", Level.REQUIRED, s -> {
            requireM1();
            if (m3 == null) {
                throw CheckFailed.skip("DO-F1-008 did not pass");
            }
            s.operator().ask("second", "declare a NEW presence (start, then end) on PM " + pm(s) + "; the kit will refuse its M1 with PM_INCONNU");
            secondM1 = awaitOne(s, r -> isM1(r) && !firstRefDo.equals(r.text("Ref_Interv_DO")), "an M1 of a new presence");
            s.check(!firstRefDo.equals(secondM1.text("Ref_Interv_DO")), "a Ref_Interv_DO other than " + firstRefDo, "got the same");
        });
        test("DO-F1-010", "An M1 refused (PM_INCONNU) is not sent again unchanged", "rules: not retried; spec 4 (R Mx KO: corrected, then re-sent)",
                Level.RECOMMENDED, s -> {
                    if (secondM1 == null) {
                        throw CheckFailed.skip("DO-F1-009 did not pass");
                    }
                    String ref = secondM1.text("Ref_Interv_DO");
                    List<Listener.Received> again = s.listener().await(r -> isM1(r) && ref.equals(r.text("Ref_Interv_DO")), 2, s.waitFor());
                    again.forEach(r -> s.saw(r.exchange("a single M1: it was answered PM_INCONNU")));
                    s.check(again.size() == 1, "a single M1", "it came " + again.size() + " times");
                });
        test("DO-F1-011", "The DO calls the OI with a bearer token", "contract securitySchemes api_auth; decision 0007", Level.RECOMMENDED, s -> {
            String authorization = requireM1().headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Authorization"))
                    .map(Map.Entry::getValue).findFirst().orElse("");
            s.check(authorization.startsWith("Bearer "), "Authorization: Bearer ...", "got '" + authorization + "'");
        });
    }

    @Override
    public Role role() {
        return Role.DO;
    }

    @Override
    public String referential(KitConfig config) {
        return """
                The DO under test (its code: %1$s) must know, before the run:
                  the OI %2$s at base URL <kit> (the kit receives M1/M3 at <kit>/v1/intervention_DO)
                  PM %3$s as a PM of OI %2$s
                The kit answers OK with Ref_Interv_OI starting with %4$s-. The operator declares presences with the DO's own tools
                when the kit asks (three steps); the kit waits up to --operator-wait-seconds for each.""".formatted(config.get("do-code"),
                config.get("oi-code"), config.get("pm"), config.prefix());
    }

    @Override
    public Listener.Responder responder() {
        return (oc, path, body, json) -> {
            if (!path.endsWith(DO_PATH)) {
                return Listener.Reply.of(404, null);
            }
            String label = Rules.expectedAnswer(Rules.Body.INTERVENTION_DO, body);
            if (!label.equals("OK")) {
                return Listener.Reply.of(Rules.httpStatus(label), Bodies.answer(label));
            }
            String refDo = Json.text(json, "Ref_Interv_DO");
            boolean m1Message = Json.text(json, "Fin_Inter") == null;
            if (m1Message && firstM1Answered.compareAndSet(false, true)) {
                return Listener.Reply.of(503, null);
            }
            KitConfig settings = config;
            if (settings != null && !settings.get("oi-code").equals(Json.text(json, "Code_OI"))) {
                return Listener.Reply.of(404, Bodies.answer("CODE_OI_INCONNU"));
            }
            boolean newPresence = firstRefDo != null && m3 != null && !firstRefDo.equals(refDo);
            if (newPresence && m1Message && (refusedRefDo == null || refusedRefDo.equals(refDo))) {
                refusedRefDo = refDo;
                return Listener.Reply.of(404, Bodies.answer("PM_INCONNU"));
            }
            ObjectNode answer = Json.object();
            answer.put("Code_Reponse", 0);
            answer.put("Libelle_Reponse", "OK");
            answer.put("Ref_Interv_OI", references.computeIfAbsent(refDo, r -> runPrefix + "-" + (references.size() + 1)));
            return Listener.Reply.of(200, Json.write(answer));
        };
    }

    private void prepare(Session s) {
        config = s.config();
        runPrefix = s.config().prefix() + "-" + s.runId();
    }

    private Listener.Received requireM1() {
        if (m1 == null) {
            throw CheckFailed.skip("no M1 received (DO-F1-001)");
        }
        return m1;
    }

    private static Listener.Received awaitOne(Session s, Predicate<Listener.Received> matching, String what) {
        Optional<Listener.Received> found = s.listener().awaitOne(matching, s.config().seconds("operator-wait-seconds"));
        found.ifPresent(r -> s.saw(r.exchange(what)));
        s.check(found.isPresent(), what + " within " + s.config().get("operator-wait-seconds") + " s", "none came");
        return found.get();
    }

    private static boolean isM1(Listener.Received r) {
        return r.path().endsWith(DO_PATH) && r.json().isObject() && r.text("Fin_Inter") == null;
    }

    private static boolean isM3(Listener.Received r) {
        return r.path().endsWith(DO_PATH) && r.text("Fin_Inter") != null;
    }

    private static String pm(Session s) {
        return s.config().get("pm");
    }
}
