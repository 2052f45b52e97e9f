/** Web concerns shared by the adapter's HTTP adapters: access rules, Problem Details, body limits. */
package fr.eintervention.oc.web;
