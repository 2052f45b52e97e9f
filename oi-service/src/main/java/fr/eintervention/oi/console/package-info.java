/** The OI's operations console at {@code /console}: operators signed in with their OAuth2 identity (operator scope). */
package fr.eintervention.oi.console;
