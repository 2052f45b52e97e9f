/** HTTP adapter of the protocol's M5 endpoint. */
package fr.eintervention.oi.impact.web;
