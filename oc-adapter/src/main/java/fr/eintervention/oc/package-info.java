/** The OC adapter: what an OC runs to receive M2/M4, learn its line outages and send M5. */
package fr.eintervention.oc;
