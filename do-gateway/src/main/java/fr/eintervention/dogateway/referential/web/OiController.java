package fr.eintervention.dogateway.referential.web;

import fr.eintervention.web.ProblemDetailsApi;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.dogateway.referential.OiDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The OIs a technician may pick from: the tool's list of {@code codeOi}. */
@RestController
@ProblemDetailsApi(unreadableBodyProtocolAnswer = "MAUVAIS_FORMAT")
@Tag(name = "OIs", description = "The OIs this DO sends to")
class OiController {

    private final OiDirectory directory;

    OiController(OiDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/ois")
    @Operation(summary = "The codes of the OIs this DO knows (any other codeOi is refused)")
    List<String> ois() {
        return List.copyOf(directory.codes());
    }
}
