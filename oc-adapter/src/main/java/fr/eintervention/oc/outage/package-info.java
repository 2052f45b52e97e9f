/** The OC's line outages, fed by its supervision, and its own interventions to exclude from M5. */
package fr.eintervention.oc.outage;
