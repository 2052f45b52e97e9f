/** Version 2 on the web: its endpoints under {@code /v2}, their bodies validated before binding, v2's error body for every refusal. */
package fr.eintervention.protocol.v2.web;
