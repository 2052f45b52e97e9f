package fr.eintervention.dogateway.intervention;

import org.springframework.stereotype.Component;

import fr.eintervention.delivery.OutboundMessage;
import fr.eintervention.dogateway.ProtocolVersion;
import fr.eintervention.dogateway.intervention.SentDeclaration.Kind;
import fr.eintervention.dogateway.referential.OiDirectory;

/**
 * M1/M3 rendered in the version the intervention's OI speaks, when queued and when re-sent: v1's
 * {@link ProtocolMessages} or v2's {@link V2Messages}, through the same delivery engine.
 */
@Component
class OutboundDeclarations {

    private final ProtocolMessages v1;
    private final V2Messages v2;
    private final OiDirectory directory;

    OutboundDeclarations(ProtocolMessages v1, V2Messages v2, OiDirectory directory) {
        this.v1 = v1;
        this.v2 = v2;
        this.directory = directory;
    }

    /** The body of the declaration, in the OI's version. */
    Object body(Intervention intervention, Kind kind) {
        return speaksV2(intervention) ? v2.message(intervention, kind) : v1.message(intervention, kind);
    }

    /** To the intervention's OI; the engine keeps the queue order for one reference and one OI. */
    OutboundMessage outbound(Intervention intervention, Kind kind) {
        String path = speaksV2(intervention) ? v2.path(kind) : v1.path(kind);
        return new OutboundMessage(intervention.content().codeOi(), kind.name(), intervention.ref(), path,
                body(intervention, kind));
    }

    private boolean speaksV2(Intervention intervention) {
        return directory.version(intervention.content().codeOi()) == ProtocolVersion.V2;
    }
}
