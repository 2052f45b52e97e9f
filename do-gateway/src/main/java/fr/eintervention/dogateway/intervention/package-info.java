/** A technician's interventions at the DO: captures of start and end, their M1/M3 and the OI's answers; their deletion once past retention, asked by the retention purge. */
package fr.eintervention.dogateway.intervention;
