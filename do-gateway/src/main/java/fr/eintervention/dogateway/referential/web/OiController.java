package fr.eintervention.dogateway.referential.web;

import fr.eintervention.web.ProblemDetailsApi;
import fr.eintervention.web.NotFound;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.dogateway.ProtocolVersion;
import fr.eintervention.dogateway.referential.OiDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The OIs a technician may pick from: the tool's list of {@code codeOi}, and the version each speaks. */
@RestController
@ProblemDetailsApi(unreadableBodyProtocolAnswer = "MAUVAIS_FORMAT")
@Tag(name = "OIs", description = "The OIs this DO sends to")
class OiController {

    /** One OI as the tool needs it: its code and the version of the protocol it speaks. */
    record OiView(String codeOi, ProtocolVersion protocolVersion) {
    }

    private final OiDirectory directory;

    OiController(OiDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/ois")
    @Operation(summary = "The codes of the OIs this DO knows (any other codeOi is refused)")
    List<String> ois() {
        return List.copyOf(directory.codes());
    }

    @GetMapping("/ois/versions")
    @Operation(summary = "The OIs this DO knows with the version of the protocol each speaks (v1 or v2)")
    List<OiView> versions() {
        return directory.codes().stream().map(code -> new OiView(code, directory.version(code))).toList();
    }

    @GetMapping("/ois/{codeOi}")
    @Operation(summary = "One OI: the version of the protocol it speaks (v1 or v2)")
    OiView oi(@PathVariable String codeOi) {
        if (!directory.knows(codeOi)) {
            throw new NotFound("unknown OI " + codeOi + ": this DO sends to " + directory.codes());
        }
        return new OiView(codeOi, directory.version(codeOi));
    }
}
