/** The OI's API documentation. */
package fr.eintervention.oi.apidocs;
