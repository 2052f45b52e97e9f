/** HTTP adapter of the consultation and statistics API. */
package fr.eintervention.oi.consultation.web;
