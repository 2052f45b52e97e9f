/** A run's reports: JUnit XML for the operator's CI, JSON, and one self-contained HTML page to hand to partners. */
package fr.eintervention.conformance.report;
