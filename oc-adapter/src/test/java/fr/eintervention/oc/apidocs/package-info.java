/** The OC adapter's API documentation. */
package fr.eintervention.oc.apidocs;
