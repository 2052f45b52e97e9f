/** The DO's own list of PMs per OI: suggestions for the technicians' tools, loaded by an operator. */
package fr.eintervention.dogateway.pm;
