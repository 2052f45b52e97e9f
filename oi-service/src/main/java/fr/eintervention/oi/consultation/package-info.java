/** Read side for the OI's operators: interventions, their deliveries and M5s, statistics, retention. */
package fr.eintervention.oi.consultation;
