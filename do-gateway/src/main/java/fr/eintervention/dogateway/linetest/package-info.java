/** The line tests: "Tester les lignes" (M3TX) sent to an OI in v2, the OCs' answers (M6TX) received and shown per test. */
package fr.eintervention.dogateway.linetest;
