/** HTTP adapter of the protocol's M1/M3 endpoint. */
package fr.eintervention.oi.intervention.web;
