/** The technician's app (a progressive web app in static/app/) served by the gateway, and what it needs to know. */
package fr.eintervention.dogateway.app;
