/** How long the gateway keeps what it declared: the nightly retention purge. */
package fr.eintervention.dogateway.retention;
