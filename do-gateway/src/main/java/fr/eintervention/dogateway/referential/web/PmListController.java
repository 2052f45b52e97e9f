package fr.eintervention.dogateway.referential.web;

import fr.eintervention.web.ProblemDetailsApi;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.eintervention.dogateway.referential.PmEntry;
import fr.eintervention.dogateway.referential.PmList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The DO's list of PMs: the tools read it (field scope), an operator loads it (operator scope). */
@RestController
@ProblemDetailsApi(unreadableBodyProtocolAnswer = "MAUVAIS_FORMAT")
@Tag(name = "PMs", description = "The DO's own list of PMs per OI, suggested to the technicians")
class PmListController {

    private final PmList list;

    PmListController(PmList list) {
        this.list = list;
    }

    @GetMapping("/pms")
    @Operation(summary = "The PMs the DO works on at that OI (suggestions: any PM may be declared)")
    List<PmEntry> pms(@RequestParam String oi) {
        return list.of(oi);
    }

    @PutMapping(path = "/admin/pms/{oi}", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Replace the list of an OI by a CSV one: a line per PM, pm[,label], optional header pm,label")
    @ApiResponse(responseCode = "200", description = "replaced: {oi, pms}")
    @ApiResponse(responseCode = "400", description = "lines at fault, each named (nothing stored)")
    Map<String, Object> loadCsv(@PathVariable String oi, @RequestBody String csv) {
        return Map.of("oi", oi, "pms", list.replaceFromCsv(oi, new StringReader(csv)));
    }

    @PutMapping(path = "/admin/pms/{oi}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the list of an OI by a JSON one: [{pm, label}]")
    Map<String, Object> loadJson(@PathVariable String oi, @RequestBody List<PmEntry> pms) {
        return Map.of("oi", oi, "pms", list.replace(oi, pms));
    }
}
