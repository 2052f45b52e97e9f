/** Retention at the OI: what is older than the retention is deleted every night, through the packages that own it. */
package fr.eintervention.oi.retention;
