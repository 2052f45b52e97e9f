/** The credentials we present to a partner on each outgoing request: applied by the delivery engine, built by the security module. */
package fr.eintervention.credentials;
