/** Web concerns shared by the gateway's adapters: access rules and error answers. */
package fr.eintervention.dogateway.web;
