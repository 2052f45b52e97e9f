/** The DO gateway's API documentation. */
package fr.eintervention.dogateway.apidocs;
