/** HTTP adapter of the technician's app: its pages at /app/ and its settings. */
package fr.eintervention.dogateway.app.web;
