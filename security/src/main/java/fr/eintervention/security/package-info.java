/** OAuth2 resource server of every service: partner identity, scopes, rate limit, body size, JSON errors. */
package fr.eintervention.security;
