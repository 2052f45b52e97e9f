/** Flux 3: composing and sending M5, the OC's customers cut during an intervention. */
package fr.eintervention.oc.impact;
