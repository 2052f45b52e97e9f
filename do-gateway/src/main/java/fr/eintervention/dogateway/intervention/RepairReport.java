package fr.eintervention.dogateway.intervention;

import java.util.List;

/**
 * The repair report the technician sends after the end, where the OI speaks v2
 * ({@code POST /v2/interventions-do/compte-rendu}).
 *
 * @param linesImpacted the lines the intervention cut ({@code lignesImpactees})
 * @param linesRestored the lines it restored ({@code lignesRetablies})
 */
public record RepairReport(List<ReportLine> linesImpacted, List<ReportLine> linesRestored) {
}
