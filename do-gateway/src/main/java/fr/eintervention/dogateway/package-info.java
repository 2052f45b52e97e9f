/** The DO gateway: between the DO's technicians' tools and the OIs, it sends M1/M3. */
package fr.eintervention.dogateway;
