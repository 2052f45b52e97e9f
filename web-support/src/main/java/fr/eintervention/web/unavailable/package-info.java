/** While the database is unavailable, every endpoint answers 503 with Retry-After, and gives up waiting for it quickly. */
package fr.eintervention.web.unavailable;
