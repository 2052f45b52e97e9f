/** What the technician's app shows of the line tests: per test, per OC, waiting or what it answered, in French. */
package fr.eintervention.linetest.app;
