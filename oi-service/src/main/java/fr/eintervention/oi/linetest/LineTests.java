package fr.eintervention.oi.linetest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.eintervention.delivery.OutboundMessage;
import fr.eintervention.delivery.Outbox;
import fr.eintervention.linetest.CustomerDown;
import fr.eintervention.linetest.LineRestored;
import fr.eintervention.linetest.M6tx;
import fr.eintervention.linetest.Route;
import fr.eintervention.linetest.oi.AnswerOutcome;
import fr.eintervention.linetest.oi.EndOutcome;
import fr.eintervention.linetest.oi.LineTestSeries;
import fr.eintervention.linetest.oi.OcAnswer;
import fr.eintervention.linetest.oi.PresentOc;
import fr.eintervention.linetest.oi.RefusalCode;
import fr.eintervention.linetest.oi.TestRequest;
import fr.eintervention.model.v2.ClientHSOC1;
import fr.eintervention.model.v2.ClientImpacteOCParIntervention;
import fr.eintervention.model.v2.DemandeReparation;
import fr.eintervention.model.v2.DemanderTestIntermediaireInterventionDO;
import fr.eintervention.model.v2.DemanderTestIntermediaireInterventionOI;
import fr.eintervention.model.v2.LigneClientRetablie1;
import fr.eintervention.model.v2.NotifierImpacteClientsOIDO;
import fr.eintervention.oi.intervention.EndRule;
import fr.eintervention.oi.intervention.InterventionEnded;
import fr.eintervention.oi.linetest.Series.Target;
import fr.eintervention.oi.referential.Partner;
import fr.eintervention.oi.referential.Referential;
import fr.eintervention.protocol.Timestamps;
import fr.eintervention.protocol.v2.ErrorCode;
import fr.eintervention.protocol.v2.Message;
import fr.eintervention.protocol.v2.Refusal;
import tools.jackson.databind.ObjectMapper;

/**
 * The OI's line tests (decisions 0030 to 0039, 0061): an M3TX is checked against the intervention's
 * series ({@link LineTestSeries}) and relayed as M4TX to each OC present that speaks v2; each OC's
 * M5TX is relayed to the DO as one M6TX; an M3 opens the end's round; overdue OCs are given up.
 * Everything goes through the delivery engine, in the transaction that changed the series.
 */
@Service
public class LineTests implements EndRule {

    /** What the DO is answered for an M3TX: OK, with which OCs were asked and which cannot be. */
    public record TestReceipt(String refDo, String refOi, int numeroTest, String description) {
    }

    /** What an OC is answered for an M5TX. */
    public record AnswerReceipt(String refOi, Integer numeroTest) {
    }

    static final String M4TX_PATH = "/v2/interventions-oi/test-intermediaire";
    static final String M6TX_PATH = "/v2/interventions-oi/notification-impacte-clients-oi-do";
    private static final Logger log = LoggerFactory.getLogger(LineTests.class);

    private final Series series;
    private final Referential referential;
    private final Outbox outbox;
    private final Timestamps timestamps;
    private final LineTestProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ObjectMapper mapper;

    LineTests(Series series, Referential referential, Outbox outbox, Timestamps timestamps, LineTestProperties properties,
            TransactionTemplate transaction, Clock clock, ObjectMapper mapper) {
        this.mapper = mapper;
        this.series = series;
        this.referential = referential;
        this.outbox = outbox;
        this.timestamps = timestamps;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * The subject an M6TX is queued under: one per OC's answer, {@code <refIntervOI>/<OC>/<numeroTest or F>},
     * so that two OCs' answers to one test never supersede each other (decision 0061).
     */
    public static String m6txSubject(String refOi, String oc, Integer numeroTest) {
        return refOi + "/" + oc + "/" + (numeroTest == null ? "F" : numeroTest);
    }

    /** An M3TX. */
    public TestReceipt request(DemanderTestIntermediaireInterventionDO m3tx, String rawPayload) {
        Message message = Message.M3TX;
        if (!referential.isDo(m3tx.getCodeDO())) {
            throw message.refuse(ErrorCode.MAUVAIS_FORMAT, "codeDO", "DO inconnu de l'OI: " + m3tx.getCodeDO());
        }
        if (!referential.isOwnCode(m3tx.getCodeOI())) {
            throw message.refuse(ErrorCode.CODE_OI_INCONNU, "codeOI", "codeOI inconnu: " + m3tx.getCodeOI());
        }
        if (!receivesM6tx(m3tx.getCodeDO())) {
            // decision 0061: the OI could never answer it
            throw message.refuse(ErrorCode.INCOHERENCE, "codeDO",
                    "le DO ne recoit pas de M6TX: il doit etre en v2 avec une adresse dans le referentiel de l'OI");
        }
        return transaction.execute(status -> {
            Target target = series.lockByDo(m3tx.getCodeDO(), m3tx.getRefIntervDO())
                    .orElseThrow(() -> message.refuse(ErrorCode.REF_INTERV_INCONNUE, "refIntervDO",
                            "intervention inconnue de l'OI: " + m3tx.getRefIntervDO()));
            if (!target.refOi().equals(m3tx.getRefIntervOI())) {
                throw message.refuse(ErrorCode.REF_INTERV_INCONNUE, "refIntervOI", "refIntervOI inconnue: " + m3tx.getRefIntervOI());
            }
            Instant now = clock.instant();
            LineTestSeries tests = series.load(target, properties.rules());
            TestRequest outcome = tests.request(m3tx.getNumeroTest(), m3tx.getDateTest().toInstant(), now, present(target));
            if (outcome instanceof TestRequest.Refused refused) {
                throw refusal(message, "numeroTest", refused.refusal().code(), refused.refusal().description());
            }
            if (outcome instanceof TestRequest.Repeated repeated) {
                return new TestReceipt(target.refDo(), target.refOi(), m3tx.getNumeroTest(), repeated.tested().description());
            }
            TestRequest.Accepted accepted = (TestRequest.Accepted) outcome;
            series.save(target, tests, now);
            series.message(target, "M3TX", m3tx.getNumeroTest(), null, now, rawPayload != null ? rawPayload : "{}");
            DemanderTestIntermediaireInterventionOI m4tx = new DemanderTestIntermediaireInterventionOI()
                    .codeOI(target.codeOi()).refIntervOI(target.refOi()).message(Message.M4TX.flux())
                    .dateTest(m3tx.getDateTest()).natureTest(m3tx.getNatureTest()).numeroTest(m3tx.getNumeroTest());
            outbox.enqueueAll(accepted.tested().relayedTo().stream()
                    .map(oc -> new OutboundMessage(oc, M4txOutcomes.KIND, target.refOi(), M4TX_PATH, m4tx)).toList());
            log.info("M3TX {} test {} -> {}", target.refOi(), m3tx.getNumeroTest(), accepted.tested().description());
            return new TestReceipt(target.refDo(), target.refOi(), m3tx.getNumeroTest(), accepted.tested().description());
        });
    }

    /** An OC's M5TX. */
    public AnswerReceipt answer(ClientImpacteOCParIntervention m5tx, String rawPayload) {
        Message message = Message.M5TX;
        return transaction.execute(status -> {
            Target target = series.lockByRefOi(m5tx.getRefIntervOI())
                    .orElseThrow(() -> message.refuse(ErrorCode.REF_INTERV_OI_INCONNUE, "refIntervOI",
                            "intervention inconnue de l'OI: " + m5tx.getRefIntervOI()));
            Instant now = clock.instant();
            LineTestSeries tests = series.load(target, properties.rules());
            String oc = m5tx.getCodeOcImpacte();
            AnswerOutcome outcome = tests.answer(oc, answer(m5tx), now, window -> series.otherInterventionOverlaps(target, window));
            if (outcome instanceof AnswerOutcome.Refused refused) {
                throw refusal(message, "numeroTest", refused.refusal().code(), refused.refusal().description());
            }
            if (outcome instanceof AnswerOutcome.Relayed relayed) {
                series.save(target, tests, now);
                series.message(target, "M5TX", m5tx.getNumeroTest(), oc, now, rawPayload != null ? rawPayload : "{}");
                NotifierImpacteClientsOIDO m6tx = m6tx(target, relayed.m6tx());
                outbox.enqueue(new OutboundMessage(target.codeDo(), "M6TX", m6txSubject(target.refOi(), oc, m5tx.getNumeroTest()),
                        M6TX_PATH, m6tx));
                series.message(target, "M6TX", m5tx.getNumeroTest(), oc, now, mapper.writeValueAsString(m6tx));
                log.info("M5TX {} from {} -> M6TX to {}", target.refOi(), oc, target.codeDo());
            }
            return new AnswerReceipt(target.refOi(), m5tx.getNumeroTest());
        });
    }

    /**
     * An end is refused M3TX_NON_DEMANDE when the OI requires a test before it and none was asked
     * (decisions 0038, 0080); only for a DO that receives M6TX, the only one that can ask.
     */
    @Override
    public boolean allowsEnd(String refOi, Instant end) {
        if (!properties.requiredBeforeEnd()) {
            return true;
        }
        Optional<Target> target = series.lockByRefOi(refOi);
        if (target.isEmpty() || !receivesM6tx(target.get().codeDo())) {
            return true;
        }
        LineTestSeries tests = series.load(target.get(), properties.rules());
        return !(tests.end(end, clock.instant(), present(target.get())) instanceof EndOutcome.Refused);
    }

    /** The end's round: the v2 OCs present owe a closing M5TX (decision 0038); only for a DO that receives M6TX. */
    @EventListener
    void ended(InterventionEnded ended) {
        Optional<Target> target = series.lockByRefOi(ended.refOi());
        if (target.isEmpty() || !receivesM6tx(target.get().codeDo())) {
            return;
        }
        LineTestSeries tests = series.load(target.get(), properties.rules());
        if (tests.end(ended.end(), ended.receivedAt(), present(target.get())) instanceof EndOutcome.Accepted accepted) {
            series.save(target.get(), tests, ended.receivedAt());
            log.info("end of {}: closing answers owed by {}", ended.refOi(), accepted.closingAnswerFrom());
        }
    }

    /** Gives up the OCs whose answer is overdue (decision 0036): the test is acknowledged without them. */
    @Scheduled(fixedDelayString = "${eintervention.oi.line-tests.give-up-every:30s}", initialDelayString = "${eintervention.oi.line-tests.give-up-every:30s}")
    public void giveUpOverdue() {
        for (long id : series.waiting()) {
            transaction.executeWithoutResult(status -> series.lock(id).ifPresent(target -> {
                Instant now = clock.instant();
                LineTestSeries tests = series.load(target, properties.rules());
                if (!tests.giveUpOverdue(now).isEmpty()) {
                    series.save(target, tests, now);
                }
            }));
        }
    }

    private boolean receivesM6tx(String codeDo) {
        return referential.partner(codeDo)
                .filter(partner -> partner.speaksV2() && partner.baseUrl() != null && !partner.baseUrl().isBlank())
                .isPresent();
    }

    private List<PresentOc> present(Target target) {
        List<String> operators = referential.operatorsAt(target.pm(), target.codeOi(), true).orElse(List.of());
        Map<String, String> versions = operators.isEmpty() ? Map.of() : referential.versionsOf(operators);
        List<PresentOc> present = new ArrayList<>();
        operators.forEach(oc -> present.add(Partner.V2.equals(versions.get(oc)) ? PresentOc.v2(oc) : PresentOc.v1(oc)));
        return present;
    }

    /** The rules' refusal in v2's words: the same label where the operation lists it, else INCOHERENCE or MAUVAIS_FORMAT. */
    private static Refusal refusal(Message message, String field, RefusalCode code, String description) {
        ErrorCode label = ErrorCode.read(code.name());
        if (label == null || !message.errors().contains(label)) {
            label = message.errors().contains(ErrorCode.INCOHERENCE) ? ErrorCode.INCOHERENCE : ErrorCode.MAUVAIS_FORMAT;
        }
        return message.refuse(label, field, description);
    }

    private static OcAnswer answer(ClientImpacteOCParIntervention m5tx) {
        List<CustomerDown> down = m5tx.getClientHSOC() == null ? List.of() : m5tx.getClientHSOC().stream()
                .map(c -> new CustomerDown(c.getRefPTO(), new Route(c.getRefPBO(), c.getTube(), c.getFibre(), c.getNomModulePM(),
                        c.getPositionModulePM(), c.getPositionCoupleurOC(), c.getNumeroSerieONT(), c.getCouleurJarretiere(),
                        c.getReferencePrestationPrise()), c.getDateChangementEtat().toInstant()))
                .toList();
        List<LineRestored> restored = m5tx.getLigneClientRetablie() == null ? List.of() : m5tx.getLigneClientRetablie().stream()
                .map(l -> new LineRestored(l.getRefPTO(), new Route(l.getRefPBO(), l.getTube(), l.getFibre(), l.getNomModulePm(),
                        l.getPositionModulePM(), null, l.getNumeroSerieONT(), null, l.getReferencePrestationPrise()),
                        l.getDateChangementEtat().toInstant()))
                .toList();
        Set<String> repairAskedOf = m5tx.getDemandeReparation() == null ? Set.of() : m5tx.getDemandeReparation().stream()
                .filter(ask -> Boolean.TRUE.equals(ask.getReparation())).map(DemandeReparation::getCodeDO)
                .collect(Collectors.toSet());
        return new OcAnswer(m5tx.getNumeroTest(), Boolean.TRUE.equals(m5tx.getTestCloture()), down, restored, repairAskedOf);
    }

    private NotifierImpacteClientsOIDO m6tx(Target target, M6tx m6tx) {
        return new NotifierImpacteClientsOIDO()
                .message(Message.M6TX.flux())
                .refIntervOI(target.refOi())
                .numeroTest(m6tx.numeroTest())
                .codeOCImpacte(m6tx.codeOc())
                .nombreOC(m6tx.nombreOc())
                .multiInterventionOI(m6tx.multiInterventionOi())
                .reparation(m6tx.reparation())
                .clientHSOC(m6tx.customersDown().stream().map(c -> new ClientHSOC1()
                        .refPTO(c.pto()).refPBO(c.route().pbo()).tube(c.route().tube()).fibre(c.route().fibre())
                        .nomModulePM(c.route().moduleName()).positionModulePM(c.route().modulePosition())
                        .positionCoupleurOC(c.route().couplerPosition()).numeroSerieONT(c.route().ontSerial())
                        .couleurJarretiere(c.route().patchCordColour()).referencePrestationPrise(c.route().serviceReference())
                        .dateChangementEtat(timestamps.toOffset(c.downAt()))).toList())
                .ligneClientRetablie(m6tx.linesRestored().stream().map(l -> new LigneClientRetablie1()
                        .refPTO(l.pto()).refPBO(l.route().pbo()).tube(l.route().tube()).fibre(l.route().fibre())
                        .nomModulePM(l.route().moduleName()).positionModulePM(l.route().modulePosition())
                        .numeroSerieONT(l.route().ontSerial()).referencePrestationPrise(l.route().serviceReference())
                        .dateChangementEtat(timestamps.toOffset(l.upAt()))).toList());
    }
}
