/** How long the adapter keeps interventions, outages and messages: the nightly retention purge. */
package fr.eintervention.oc.retention;
