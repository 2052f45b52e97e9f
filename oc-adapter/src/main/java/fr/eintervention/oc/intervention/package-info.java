/** The interventions the OI announced (M2/M4): each one's window, as the OC sees it. */
package fr.eintervention.oc.intervention;
