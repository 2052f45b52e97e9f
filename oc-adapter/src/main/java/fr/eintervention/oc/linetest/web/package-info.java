/** HTTP adapter of the line tests: v2's {@code POST /v2/interventions-oi/test-intermediaire} (M4TX). */
package fr.eintervention.oc.linetest.web;
