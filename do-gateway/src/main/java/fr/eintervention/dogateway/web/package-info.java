/** Web concerns shared by the gateway's adapters: access rules. */
package fr.eintervention.dogateway.web;
