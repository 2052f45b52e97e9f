package fr.eintervention.conformance.suite;

/** A test and what it does. */
public record TestCase(TestDefinition definition, Scenario scenario) {
}
