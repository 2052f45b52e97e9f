/** What a conformance run is made of, whatever the role and the version: tests, their outcomes, the session they share, the run. */
package fr.eintervention.conformance.suite;
