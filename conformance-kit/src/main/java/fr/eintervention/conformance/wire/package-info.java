/** The kit on the wire: its HTTP client (tokens, bounds, dry run), its listener, and the protocol's rules read from the project's validation. */
package fr.eintervention.conformance.wire;
