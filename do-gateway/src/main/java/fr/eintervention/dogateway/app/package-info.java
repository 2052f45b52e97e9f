/** The technician's app (a progressive web app in static/app/) served by the gateway: its settings. */
package fr.eintervention.dogateway.app;
