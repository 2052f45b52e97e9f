/** Line tests on site (v2's M3TX to M6TX) at the OI: the series of each intervention under the line tests' rules, M4TX to each v2 OC present, each OC's M5TX relayed to the DO as an M6TX. */
package fr.eintervention.oi.linetest;
