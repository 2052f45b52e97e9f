/** The demo OAuth2 authorization server: partners' client credentials (production uses the operators' own identity provider). */
package fr.eintervention.authserver;
