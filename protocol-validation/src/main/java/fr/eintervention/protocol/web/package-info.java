/** Web side of the protocol: the contract's answer body for every outcome, raw bodies for audit. */
package fr.eintervention.protocol.web;
