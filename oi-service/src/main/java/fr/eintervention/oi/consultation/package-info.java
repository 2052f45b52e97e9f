/** Read side for the OI's operators: interventions, their deliveries and M5s, statistics. */
package fr.eintervention.oi.consultation;
