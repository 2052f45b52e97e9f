/** HTTP adapter of the delivery engine's admin API: list deliveries, re-send one or many. */
package fr.eintervention.delivery.web;
