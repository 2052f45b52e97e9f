package fr.eintervention.oi.referential.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.oi.referential.ReferentialImport;
import fr.eintervention.oi.referential.ReferentialImport.Mode;
import fr.eintervention.oi.referential.ReferentialImporter;
import fr.eintervention.oi.referential.ReferentialImporter.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Bulk imports of the referential (CSV), run as jobs whose progress is followed here. */
@RestController
@RequestMapping("/admin/referential/imports")
@Tag(name = "Referential", description = "Partners and PMs of the OI")
class ReferentialImportController {

    private final ReferentialImporter importer;

    ReferentialImportController(ReferentialImporter importer) {
        this.importer = importer;
    }

    @PostMapping(consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import PMs (PM;Code_OI;OC) or partners (Code;Nom;URL;Flux3) from a CSV file",
            description = "Answers 202 with the job at once (Location: the job); the file is applied as a whole or not at all. "
                    + "mode=replace: PMs absent from the file are retired. 409 while another import runs, 413 above the size limit.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "text/csv", examples = @ExampleObject(value = "PM;Code_OI;OC\nFI-35238-0001;OI01;OC01|OC02\n"))))
    ResponseEntity<ReferentialImport> start(HttpServletRequest request, @RequestParam(defaultValue = "merge") String mode)
            throws IOException {
        Mode parsed = switch (mode.toLowerCase(Locale.ROOT)) {
            case "merge" -> Mode.MERGE;
            case "replace" -> Mode.REPLACE;
            default -> throw problem(HttpStatus.BAD_REQUEST, "mode: merge (default) or replace");
        };
        ReferentialImporter.Start start;
        try (InputStream body = request.getInputStream()) {
            start = importer.start(body, request.getContentLengthLong(), parsed);
        }
        if (start.refusal().isPresent()) {
            Refusal refusal = start.refusal().get();
            if (refusal instanceof Refusal.AlreadyRunning running) {
                throw problem(HttpStatus.CONFLICT, "import " + running.importId() + " is running: wait for it to finish");
            }
            long max = ((Refusal.TooLarge) refusal).maxBytes();
            throw problem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "the file is larger than eintervention.oi.referential-import.max-size (" + max + " bytes)");
        }
        ReferentialImport job = start.job().orElseThrow();
        return ResponseEntity.accepted().location(URI.create("/admin/referential/imports/" + job.id())).body(job);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import: status, percentage, lines read, faults by line")
    ReferentialImport find(@PathVariable long id) {
        return importer.find(id).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "unknown import " + id));
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
