package fr.eintervention.dogateway.linetest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.delivery.Deliveries;
import fr.eintervention.delivery.DeliveryRecord;
import fr.eintervention.delivery.DeliveryStatus;
import fr.eintervention.delivery.OutboundMessage;
import fr.eintervention.delivery.Outbox;
import fr.eintervention.dogateway.DoGatewayProperties;
import fr.eintervention.dogateway.ProtocolVersion;
import fr.eintervention.dogateway.intervention.CaptureDesk;
import fr.eintervention.dogateway.intervention.InterventionView;
import fr.eintervention.dogateway.referential.OiDirectory;
import fr.eintervention.linetest.app.LineTestBoard;
import fr.eintervention.linetest.app.TestView;
import fr.eintervention.linetest.oi.LineTestRules;
import fr.eintervention.model.v2.DemanderTestIntermediaireInterventionDO;
import fr.eintervention.model.v2.NotifierImpacteClientsOIDOOut;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.protocol.v2.ErrorCode;
import fr.eintervention.protocol.v2.Message;
import fr.eintervention.protocol.v2.MessageValidator;
import fr.eintervention.security.ForeignPartnerException;
import fr.eintervention.web.Conflict;
import fr.eintervention.web.InvalidInput;
import fr.eintervention.web.NotFound;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The line tests of the DO: a test asked during an intervention whose OI speaks v2 is queued as
 * M3TX through the delivery engine (after the M1, whose answer gave the OI's reference); each M6TX
 * the OI sends is checked (v2's rules, the sender is the intervention's OI), kept byte for byte and
 * shown per test by {@link LineTestBoard}.
 */
@Service
public class LineTestDesk {

    static final String KIND = "M3TX";
    static final String PATH = "/v2/interventions-do/test-intermediaire";

    private static final Logger log = LoggerFactory.getLogger(LineTestDesk.class);

    private final LineTests tests;
    private final CaptureDesk interventions;
    private final OiDirectory directory;
    private final Outbox outbox;
    private final Deliveries deliveries;
    private final TransactionTemplate transaction;
    private final MessageValidator validator;
    private final M6txReader reader;
    private final Timestamps timestamps;
    private final LineTestProperties properties;
    private final String codeDo;
    private final Clock clock;

    LineTestDesk(LineTests tests, CaptureDesk interventions, OiDirectory directory, Outbox outbox, Deliveries deliveries,
            TransactionTemplate transaction, ObjectMapper mapper, Timestamps timestamps, LineTestProperties properties,
            DoGatewayProperties gateway, Clock clock) {
        this.tests = tests;
        this.interventions = interventions;
        this.directory = directory;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.transaction = transaction;
        this.validator = new MessageValidator(mapper, timestamps);
        this.reader = new M6txReader(validator);
        this.timestamps = timestamps;
        this.properties = properties;
        this.codeDo = gateway.code();
        this.clock = clock;
    }

    /**
     * "Tester les lignes": test {@code numeroTest} queued as M3TX. The same test posted again (the
     * app re-sending after lost coverage) changes nothing.
     */
    public LineTestsView ask(String ref, TestRequest request) {
        InterventionView intervention = interventions.find(ref);
        Instant dateTest = dateTest(request);
        Integer numero = request.numeroTest();
        if (numero == null || numero < 1 || numero > LineTestRules.MAX_TESTS) {
            throw new InvalidInput("numeroTest", "1 to " + LineTestRules.MAX_TESTS + " expected");
        }
        if (directory.version(intervention.codeOi()) != ProtocolVersion.V2) {
            throw new Conflict(intervention.codeOi() + " speaks v1, which has no line tests");
        }
        if (intervention.refIntervOi() == null) {
            throw new Conflict("the OI has not acknowledged the start yet: the test is sent once it has (try again)");
        }
        long id = tests.interventionId(ref).orElseThrow();
        transaction.executeWithoutResult(status -> {
            tests.lock(id);
            List<LineTests.AskedTest> asked = tests.asked(id);
            Optional<LineTests.AskedTest> same = asked.stream().filter(test -> test.numeroTest() == numero).findFirst();
            if (same.isPresent()) {
                if (!same.get().dateTest().equals(dateTest)) {
                    throw new Conflict("test " + numero + " of " + ref + " was already asked at " + same.get().dateTest());
                }
                return;
            }
            if (intervention.state() == InterventionView.State.ENDED) {
                throw new Conflict("ended: the end's answers come without a test");
            }
            if (numero != asked.size() + 1) {
                throw new Conflict("the next test of " + ref + " is number " + (asked.size() + 1));
            }
            DemanderTestIntermediaireInterventionDO m3tx = new DemanderTestIntermediaireInterventionDO()
                    .codeDO(codeDo).codeOI(intervention.codeOi()).message(Message.M3TX.flux())
                    .refIntervDO(ref).refIntervOI(intervention.refIntervOi())
                    .numeroTest(numero).natureTest(properties.natureTest()).dateTest(timestamps.toOffset(dateTest));
            long deliveryId = outbox.enqueue(new OutboundMessage(intervention.codeOi(), KIND, ref, PATH, m3tx));
            Instant now = Instant.now(clock);
            boolean late = Duration.between(dateTest, now).compareTo(properties.lateAfter()) > 0;
            tests.insert(id, new LineTests.AskedTest(numero, dateTest, now, late, deliveryId));
            log.info("{} test {} queued{}", ref, numero, late ? " (late)" : "");
        });
        return view(ref);
    }

    /**
     * An M6TX from an OI: checked by v2's rules, the intervention found by the OI's reference, the
     * sender being that intervention's OI; kept byte for byte.
     *
     * @param caller the token's partner
     */
    public NotifierImpacteClientsOIDOOut receive(byte[] body, Optional<String> caller) {
        ObjectNode m6tx = validator.validate(Message.M6TX, body);
        String refIntervOi = m6tx.get("refIntervOI").asString();
        LineTests.Subject subject = tests.byRefIntervOi(refIntervOi).orElseThrow(() -> Message.M6TX.refuse(
                ErrorCode.REF_INTERV_OI_INCONNUE, "refIntervOI", "refIntervOI " + refIntervOi + " inconnue du DO"));
        if (caller.isPresent() && !caller.get().equals(subject.codeOi())) {
            throw new ForeignPartnerException("refIntervOI " + refIntervOi + " is not an intervention of " + caller.get());
        }
        Integer numero = m6tx.hasNonNull("numeroTest") ? m6tx.get("numeroTest").asInt() : null;
        tests.keep(subject.interventionId(), new LineTests.ReceivedAnswer(numero == null ? 0 : numero,
                m6tx.get("codeOCImpacte").asString(), body, Instant.now(clock)));
        log.info("{} M6TX from {} for {}", subject.ref(), m6tx.get("codeOCImpacte").asString(),
                numero == null ? "the end" : "test " + numero);
        return new NotifierImpacteClientsOIDOOut().code(0).description("OK").numeroTest(numero).refIntervOI(refIntervOi);
    }

    /** The tests of an intervention, as the app shows them now. */
    public LineTestsView view(String ref) {
        InterventionView intervention = interventions.find(ref);
        boolean offered = directory.version(intervention.codeOi()) == ProtocolVersion.V2;
        long id = tests.interventionId(ref).orElseThrow(() -> new NotFound("no intervention " + ref));
        List<LineTests.AskedTest> asked = tests.asked(id);
        LineTestBoard board = new LineTestBoard(properties.answerDeadline(), timestamps.zone());
        Map<Integer, Optional<DeliveryRecord>> messages = asked.stream().collect(Collectors.toMap(
                LineTests.AskedTest::numeroTest, test -> deliveries.byId(test.deliveryId())));
        for (LineTests.AskedTest test : asked) {
            board.asked(test.numeroTest(), test.dateTest());
            messages.get(test.numeroTest()).filter(record -> record.status() == DeliveryStatus.DELIVERED)
                    .ifPresent(record -> board.accepted(test.numeroTest(), record.answerDescription(),
                            record.deliveredAt() != null ? record.deliveredAt() : record.updatedAt()));
        }
        InterventionView.DeclarationView m3 = intervention.m3();
        if (m3 != null && m3.status() == InterventionView.Status.ACKNOWLEDGED && intervention.end() != null) {
            board.ended(intervention.end().toInstant(), m3.answeredAt() != null ? m3.answeredAt().toInstant()
                    : intervention.end().toInstant());
        }
        tests.answers(id).forEach(answer -> reader.read(answer.body()).ifPresent(board::received));
        Map<Integer, LineTests.AskedTest> byNumber = asked.stream()
                .collect(Collectors.toMap(LineTests.AskedTest::numeroTest, Function.identity()));
        List<LineTestsView.Test> shown = new ArrayList<>();
        for (TestView test : board.view(Instant.now(clock))) {
            LineTests.AskedTest own = test.numeroTest() == null ? null : byNumber.get(test.numeroTest());
            Optional<DeliveryRecord> message = own == null ? Optional.empty() : messages.get(own.numeroTest());
            shown.add(new LineTestsView.Test(test, own == null ? null : own.dateTest(), own != null && own.late(),
                    message.map(record -> record.status() == DeliveryStatus.PENDING || record.status() == DeliveryStatus.SENDING)
                            .orElse(false),
                    message.flatMap(LineTestDesk::refusal).orElse(null)));
        }
        boolean open = intervention.state() == InterventionView.State.STARTED;
        Integer next = offered && open && asked.size() < LineTestRules.MAX_TESTS ? asked.size() + 1 : null;
        return new LineTestsView(ref, offered, next, shown);
    }

    private static Optional<LineTestsView.Refusal> refusal(DeliveryRecord record) {
        return switch (record.status()) {
            case REJECTED -> Optional.of(new LineTestsView.Refusal(record.answerLabel(), record.answerDescription()));
            case FAILED -> Optional.of(new LineTestsView.Refusal(null, record.lastError()));
            default -> Optional.empty();
        };
    }

    private Instant dateTest(TestRequest request) {
        if (request.dateTest() == null || request.dateTest().isBlank()) {
            throw new InvalidInput("dateTest", "required");
        }
        Instant dateTest = timestamps.parse(request.dateTest())
                .orElseThrow(() -> new InvalidInput("dateTest", "ISO 8601 date-time expected, e.g. 2026-11-24T09:15:00+01:00"))
                .truncatedTo(ChronoUnit.SECONDS);
        if (dateTest.isAfter(Instant.now(clock).plus(Duration.ofMinutes(2)))) {
            throw new InvalidInput("dateTest", "in the future: device clock?");
        }
        return dateTest;
    }
}
