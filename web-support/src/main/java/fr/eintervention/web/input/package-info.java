/** How every endpoint takes its input: requests and bodies checked strictly, bodies of a limited size, refused input left unread, refusals written from a filter. */
package fr.eintervention.web.input;
