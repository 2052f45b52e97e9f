/** What the services' own HTTP APIs (off the protocol) share: pages of listings and the refusal of bad input. */
package fr.eintervention.web;
