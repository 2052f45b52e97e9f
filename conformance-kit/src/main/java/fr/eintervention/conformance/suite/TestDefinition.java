package fr.eintervention.conformance.suite;

/**
 * One test as the kit lists it: a stable id ({@code OI-F1-003}: role, flux, number; never reused),
 * a title, the clause it checks (a section of the specification, a path of the contract, or one of
 * the project's decision records) and its level.
 */
public record TestDefinition(String id, String title, String clause, Level level) {
}
