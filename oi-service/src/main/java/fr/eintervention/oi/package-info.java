/** The OI: receives M1/M3 and M5, sends M2/M4, consultation and statistics. */
package fr.eintervention.oi;
