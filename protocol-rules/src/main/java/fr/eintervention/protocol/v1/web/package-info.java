/** Version 1 on the web: its endpoints under {@code /v1}, their bodies validated before binding, the contract's answer body for every outcome, raw bodies for audit. */
package fr.eintervention.protocol.v1.web;
