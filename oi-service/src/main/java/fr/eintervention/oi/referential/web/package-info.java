/** HTTP adapter of the referential's admin API. */
package fr.eintervention.oi.referential.web;
