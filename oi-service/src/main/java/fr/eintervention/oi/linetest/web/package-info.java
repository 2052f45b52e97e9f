/** {@code POST /v2/interventions-do/test-intermediaire} (M3TX) and {@code POST /v2/interventions-oi/notification-impacte-clients-oc} (M5TX). */
package fr.eintervention.oi.linetest.web;
