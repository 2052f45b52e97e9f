/** Web concerns shared by the adapter's HTTP adapters: access rules, the outage feed's own body limit. */
package fr.eintervention.oc.web;
