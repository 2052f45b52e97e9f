/** Outbound credentials: the tokens or certificates a sender presents to its partners. */
package fr.eintervention.security.outbound;
