/** HTTP adapter of the field API used by the technicians' tools. */
package fr.eintervention.dogateway.intervention.web;
