package fr.eintervention.oc.referential.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.oc.referential.PmReferential;
import fr.eintervention.web.Page;
import fr.eintervention.web.ProblemDetailsApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The OC's PM list: while empty, every PM is accepted in M2/M4; once loaded, others are PM_INCONNU. */
@RestController
@ProblemDetailsApi
@RequestMapping("/admin/pms")
@Tag(name = "PMs", description = "The PMs where the OC has customers (optional; empty = every PM accepted)")
class PmAdminController {

    private final PmReferential pms;

    PmAdminController(PmReferential pms) {
        this.pms = pms;
    }

    @GetMapping
    @Operation(summary = "The PMs where the OC has customers (empty: every PM is accepted)")
    Page<String> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return pms.list(page, size);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Add a PM")
    ResponseEntity<Void> add(@PathVariable String code) {
        pms.add(code);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{code}")
    @Operation(summary = "Remove a PM")
    ResponseEntity<Void> remove(@PathVariable String code) {
        if (!pms.remove(code)) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "unknown PM " + code), null);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/csv", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Add the PMs of a CSV file (header PM, one PM a line); all or nothing, faults by line")
    Map<String, Integer> importCsv(@RequestBody String csv) {
        return Map.of("imported", pms.importCsv(csv));
    }
}
