/** HTTP adapters: the protocol's M2/M4 endpoint and the query of received interventions. */
package fr.eintervention.oc.intervention.web;
