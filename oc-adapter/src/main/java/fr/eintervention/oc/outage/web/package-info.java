/** HTTP adapter of the outage feed (JSON and CSV). */
package fr.eintervention.oc.outage.web;
