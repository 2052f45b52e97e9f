/** HTTP adapter of the OI directory's admin API. */
package fr.eintervention.dogateway.routing.web;
