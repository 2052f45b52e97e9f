package fr.eintervention.dogateway.intervention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.eintervention.dogateway.DoGatewayProperties;
import fr.eintervention.dogateway.ProtocolVersion;
import fr.eintervention.dogateway.intervention.SentDeclaration.Kind;
import fr.eintervention.dogateway.referential.OiDirectory;
import fr.eintervention.protocol.Fault;
import fr.eintervention.protocol.v1.Answer;
import fr.eintervention.protocol.v1.MessageValidator;
import fr.eintervention.protocol.v1.ProtocolMessage;
import fr.eintervention.protocol.v1.ProtocolViolation;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks a capture before anything is queued, so that the technician learns at once what the OI
 * would refuse: the OI's own validation (the shared {@link MessageValidator}) on the very M1/M3
 * about to be sent, the routing, and the DO's rules on timestamps (docs/explanation/protocol-rules.md,
 * "The DO"): refused when in the future, flagged when the duration is implausible; and the
 * capture's own fields (the technician, the capture's key, which fields go together). To an OI that
 * speaks v2, the message and the natures are v2's ({@link V2CaptureRules}).
 */
@Component
class CaptureRules {

    private static final int MAX_TEXT = 100;

    /** Where each protocol field comes from in the field API. */
    private static final Map<String, String> API_FIELDS = Map.of(
            "Code_OI", "codeOi", "PM", "pm", "Debut_Inter", "start", "Fin_Inter", "end");
    private static final String NATURES = "Nature_PBO_PTO";

    private final MessageValidator validator;
    private final ObjectMapper mapper;
    private final ProtocolMessages messages;
    private final OiDirectory directory;
    private final DoGatewayProperties.Capture capture;
    private final Clock clock;
    private final V2CaptureRules v2;

    CaptureRules(MessageValidator validator, ObjectMapper mapper, ProtocolMessages messages, OiDirectory directory,
            DoGatewayProperties properties, Clock clock, V2CaptureRules v2) {
        this.v2 = v2;
        this.validator = validator;
        this.mapper = mapper;
        this.messages = messages;
        this.directory = directory;
        this.capture = properties.capture();
        this.clock = clock;
    }

    /**
     * A timestamp as the device sent it, in any form the protocol accepts, to the second (the
     * protocol's precision: AAAAMMDD HH:MM:SS); null when absent.
     */
    /** The tool's key for this capture: the header, or the field (the same when both are given). */
    String captureId(Errors errors, String header, String field) {
        String key = text(errors, "Idempotency-Key", header, false);
        String id = text(errors, "deviceCaptureId", field, false);
        if (key != null && id != null && !key.equals(id)) {
            errors.add("deviceCaptureId", "differs from the Idempotency-Key header");
        }
        return key != null ? key : id;
    }

    String text(Errors errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "required");
            }
            return null;
        }
        if (value.length() > MAX_TEXT) {
            errors.add(field, MAX_TEXT + " characters max");
        }
        return value;
    }

    /** A timestamp that must be given. */
    Instant requiredTimestamp(Errors errors, String field, String value) {
        Instant instant = timestamp(errors, field, value);
        if (instant == null) {
            errors.add(field, "required");
        }
        return instant;
    }

    /** The natures of the end come with the end only. */
    void endNaturesWithEnd(Errors errors, List<NatureEntry> endNatures, String end) {
        if (endNatures != null && end == null) {
            errors.add("endNatures", "given with end only");
        }
    }

    Instant timestamp(Errors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<Instant> instant = validator.timestamps().parse(value);
        if (instant.isEmpty()) {
            errors.add(field, "ISO 8601 date-time expected, e.g. 2026-11-24T09:15:00+01:00", Answer.MAUVAIS_FORMAT);
        }
        return instant.map(time -> time.truncatedTo(ChronoUnit.SECONDS)).orElse(null);
    }

    /**
     * The natures as given to that OI, checked by its version's rules: v1's (NON FOURNIE where not
     * told; a value outside 1..4 is refused), v2's by {@link V2CaptureRules}.
     */
    List<NatureEntry> natures(Errors errors, String field, List<NatureEntry> entries, String codeOi) {
        if (directory.version(codeOi) == ProtocolVersion.V2) {
            return v2.natures(errors, field, entries);
        }
        List<NatureEntry> natures = NatureEntry.orDefault(entries);
        for (int i = 0; i < natures.size(); i++) {
            int nature = natures.get(i).nature();
            if (nature < 1 || nature > 4) {
                errors.add(field + "[" + i + "].nature", "1 (RACC), 2 (SAV), 3 (AUCUNE ACTION) or 4 (NON FOURNIE) expected",
                        Answer.MAUVAIS_FORMAT);
            }
        }
        return natures;
    }

    /**
     * Checks what the intervention is about to send; throws {@link fr.eintervention.web.InvalidInput}
     * naming every field at fault.
     *
     * @param m3Natures the request field that gave M3's natures ({@code natures} or {@code endNatures})
     */
    void check(Errors errors, Intervention intervention, String m3Natures) {
        if (directory.version(intervention.content().codeOi()) == ProtocolVersion.V2) {
            v2.check(errors, intervention, m3Natures);
        } else {
            for (Kind kind : intervention.toSend()) {
                try {
                    validator.validate(ProtocolMessage.INTERVENTION_DO,
                            mapper.valueToTree(messages.message(intervention, kind)));
                } catch (ProtocolViolation violation) {
                    translate(violation, errors, kind == Kind.M1 ? "natures" : m3Natures);
                }
            }
        }
        Content content = intervention.content();
        notInTheFuture(errors, "start", content.start());
        notInTheFuture(errors, "end", content.end());
        if (content.codeOi() != null && !directory.knows(content.codeOi())) {
            errors.add("codeOi", "unknown OI " + content.codeOi() + ": this DO sends to " + directory.codes());
        }
        errors.throwIfAny();
    }

    /** A tap cannot happen in the future: beyond the tolerance, the device's clock is wrong. */
    private void notInTheFuture(Errors errors, String field, Instant captured) {
        if (captured != null && captured.isAfter(Instant.now(clock).plus(capture.clockTolerance()))) {
            errors.add(field, "in the future (more than " + human(capture.clockTolerance()) + " ahead): device clock?");
        }
    }

    /** Flagged, not refused: the technician checks the times (the spec wants them true to the field). */
    List<String> warnings(Content content) {
        List<String> warnings = new ArrayList<>();
        if (content.ended()) {
            Duration duration = Duration.between(content.start(), content.end());
            if (duration.compareTo(capture.maxDuration()) > 0) {
                warnings.add("duration " + human(duration) + " is longer than " + human(capture.maxDuration())
                        + ": check the start and end (resuming on another day is a new intervention)");
            } else if (duration.compareTo(capture.minDuration()) < 0) {
                warnings.add("duration " + human(duration) + " is shorter than " + human(capture.minDuration())
                        + ": check the start and end");
            }
        } else if (Duration.between(content.start(), Instant.now(clock)).compareTo(capture.maxDuration()) > 0) {
            warnings.add("still open after more than " + human(capture.maxDuration())
                    + ": declare its end (resuming on another day is a new intervention)");
        }
        return warnings;
    }

    /**
     * The validator's faults, as data: each protocol field named as the request names it, with
     * the answer the OI would give.
     */
    private static void translate(ProtocolViolation violation, Errors errors, String naturesField) {
        for (Fault fault : violation.faults()) {
            boolean missing = violation.answer() == Answer.CHAMPS_NON_RENSEIGNE;
            errors.add(apiField(fault.field(), naturesField), missing ? "required" : fault.reason(), violation.answer());
        }
    }

    /** {@code Nature_PBO_PTO[1].PBO} is {@code natures[1].pbo}; {@code Debut_Inter} is {@code start}... */
    private static String apiField(String protocolField, String naturesField) {
        if (protocolField.startsWith(NATURES)) {
            return naturesField + protocolField.substring(NATURES.length()).toLowerCase(Locale.ROOT);
        }
        return API_FIELDS.getOrDefault(protocolField, protocolField);
    }

    /** 30 s, 45 min, 12 h, 12 h 05. */
    private static String human(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return duration.toSeconds() + " s";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : String.format(" %02d", minutes % 60));
    }
}
