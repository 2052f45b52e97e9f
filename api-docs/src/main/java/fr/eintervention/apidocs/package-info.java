/** Each service's OpenAPI description and Swagger UI: who it is, the protocol's operations in the protocol's words, how to authorize. */
package fr.eintervention.apidocs;
