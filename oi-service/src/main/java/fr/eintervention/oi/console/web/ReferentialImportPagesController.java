package fr.eintervention.oi.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import fr.eintervention.oi.referential.ReferentialImport.Mode;
import fr.eintervention.oi.referential.ReferentialImport;
import fr.eintervention.oi.referential.ReferentialImporter.Refusal;
import fr.eintervention.oi.referential.ReferentialImporter;
import fr.eintervention.protocol.Fault;

/**
 * Référentiel, the bulk import: the operator's CSV file is the request's body (sent by the page's
 * script, streamed to the importer as the API's is: the same {@link ReferentialImporter}, its size
 * limit), then the job's progress is polled by htmx and, once finished, its outcome or fault report.
 */
@Controller
class ReferentialImportPagesController {

    /** faults shown per page of the report */
    static final int FAULTS_PER_PAGE = 20;

    private final ReferentialImporter importer;

    ReferentialImportPagesController(ReferentialImporter importer) {
        this.importer = importer;
    }

    /**
     * Starts an import. {@code mode=replace} needs {@code confirme=true}: the operator has read that
     * the PMs absent from the file will be retired. Refusals come back as a fragment with their status.
     */
    @PostMapping(path = "/console/referentiel/imports", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    String start(HttpServletRequest request, HttpServletResponse response, @RequestParam(defaultValue = "merge") String mode,
            @RequestParam(defaultValue = "false") boolean confirme, Model model) throws IOException {
        Mode parsed = switch (mode) {
            case "merge" -> Mode.MERGE;
            case "replace" -> Mode.REPLACE;
            default -> null;
        };
        if (parsed == null) {
            return refused(response, model, HttpStatus.BAD_REQUEST, "Mode inconnu : fusion ou remplacement.", null);
        }
        if (parsed == Mode.REPLACE && !confirme) {
            return refused(response, model, HttpStatus.BAD_REQUEST,
                    "Remplacement non confirmé : cochez la confirmation (les PM absents du fichier seront retirés).", null);
        }
        ReferentialImporter.Start start;
        try (InputStream body = request.getInputStream()) {
            start = importer.start(body, request.getContentLengthLong(), parsed);
        }
        if (start.refusal().isPresent()) {
            Refusal refusal = start.refusal().get();
            if (refusal instanceof Refusal.AlreadyRunning running) {
                return refused(response, model, HttpStatus.CONFLICT,
                        "Un import est déjà en cours (n° " + running.importId() + ") : attendez qu'il se termine.",
                        running.importId());
            }
            long max = ((Refusal.TooLarge) refusal).maxBytes();
            return refused(response, model, HttpStatus.CONTENT_TOO_LARGE, "Le fichier dépasse la taille maximale de l'import ("
                    + org.springframework.util.unit.DataSize.ofBytes(max).toMegabytes() + " Mo).", null);
        }
        response.setStatus(HttpStatus.ACCEPTED.value());
        response.setHeader("Location", "/console/referentiel/imports/" + start.job().orElseThrow().id());
        job(model, start.job().orElseThrow(), 0);
        return "console/referential-import :: job";
    }

    /** The job as it stands (htmx polls it every second until it is finished). */
    @GetMapping("/console/referentiel/imports/{id}")
    String job(@PathVariable long id, Model model) {
        job(model, find(id), 0);
        // the report goes beside the live region (out of band), not inside it
        model.addAttribute("reportOutOfBand", true);
        return "console/referential-import :: poll";
    }

    /** A page of a rejected import's fault report. */
    @GetMapping("/console/referentiel/imports/{id}/defauts")
    String faults(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        job(model, find(id), page);
        return "console/referential-import :: report";
    }

    private ReferentialImport find(long id) {
        return importer.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Import " + id + " inconnu."));
    }

    private static String refused(HttpServletResponse response, Model model, HttpStatus status, String reason, Long running) {
        response.setStatus(status.value());
        model.addAttribute("reason", reason);
        model.addAttribute("runningImport", running);
        return "console/referential-import :: refused";
    }

    /** What the fragments show of a job, with a page of its faults. */
    static void job(Model model, ReferentialImport job, int page) {
        List<Fault> kept = job.faults();
        int pages = Math.max(1, (kept.size() + FAULTS_PER_PAGE - 1) / FAULTS_PER_PAGE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        int from = current * FAULTS_PER_PAGE;
        model.addAttribute("job", job);
        model.addAttribute("faults", kept.subList(Math.min(from, kept.size()), Math.min(from + FAULTS_PER_PAGE, kept.size())));
        model.addAttribute("faultFrom", from + 1);
        model.addAttribute("faultPage", current);
        model.addAttribute("faultPages", pages);
    }
}
