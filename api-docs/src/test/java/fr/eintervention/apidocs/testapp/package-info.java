/** A service in miniature for the api-docs module's tests. */
package fr.eintervention.apidocs.testapp;
