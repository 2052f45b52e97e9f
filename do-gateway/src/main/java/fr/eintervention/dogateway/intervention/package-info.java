/** A technician's interventions at the DO: captures of start and end, their M1/M3 and the OI's answers. */
package fr.eintervention.dogateway.intervention;
