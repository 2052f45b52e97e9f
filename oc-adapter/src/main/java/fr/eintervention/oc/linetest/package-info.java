/** Line tests on site at the OC (v2): M4TX received and answered at once, then M5TX over the test's window once the outage feed has settled. */
package fr.eintervention.oc.linetest;
