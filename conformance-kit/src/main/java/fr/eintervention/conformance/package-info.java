/** The conformance kit's command line: which suite, against which target, with which reports and exit code. */
package fr.eintervention.conformance;
