/** Retention at the DO gateway: what is older than the retention is deleted every night, through the packages that own it. */
package fr.eintervention.dogateway.retention;
