package fr.eintervention.dogateway.referential.web;

import fr.eintervention.web.ProblemDetailsApi;
import fr.eintervention.web.NotFound;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.dogateway.ProtocolVersion;
import fr.eintervention.dogateway.referential.Natures;
import fr.eintervention.dogateway.referential.OiDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The OIs a technician may pick from: the tool's list of {@code codeOi}, and the version each speaks. */
@RestController
@ProblemDetailsApi(unreadableBodyProtocolAnswer = "MAUVAIS_FORMAT")
@Tag(name = "OIs", description = "The OIs this DO sends to")
class OiController {

    /**
     * One OI as the tool needs it: its code, the version of the protocol it speaks, the natures it
     * takes, and whether the repair report and the line tests are offered (v2).
     */
    record OiView(String codeOi, ProtocolVersion protocolVersion, List<Natures.Choice> natures, boolean repairReport,
            boolean lineTests) {

        static OiView of(String codeOi, ProtocolVersion version) {
            boolean v2 = version == ProtocolVersion.V2;
            return new OiView(codeOi, version, Natures.of(version), v2, v2);
        }
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
    @Operation(summary = "The OIs this DO knows: the version of the protocol each speaks (v1 or v2), the natures "
            + "it takes (French labels), whether the repair report and the line tests are offered (v2)")
    List<OiView> versions() {
        return directory.codes().stream().map(code -> OiView.of(code, directory.version(code))).toList();
    }

    @GetMapping("/ois/{codeOi}")
    @Operation(summary = "One OI: its version, its natures, the repair report and line tests (v2)")
    OiView oi(@PathVariable String codeOi) {
        if (!directory.knows(codeOi)) {
            throw new NotFound("unknown OI " + codeOi + ": this DO sends to " + directory.codes());
        }
        return OiView.of(codeOi, directory.version(codeOi));
    }
}
