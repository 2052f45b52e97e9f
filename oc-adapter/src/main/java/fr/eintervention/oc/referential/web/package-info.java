/** HTTP adapter of the PM referential's admin API. */
package fr.eintervention.oc.referential.web;
