/** HTTP adapters of the referential: the OIs a technician may pick from, the PM list's suggestions and its loading. */
package fr.eintervention.dogateway.referential.web;
