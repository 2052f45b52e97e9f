/** HTTP adapter of the PM list: the tools' suggestions and the operator's loading. */
package fr.eintervention.dogateway.pm.web;
