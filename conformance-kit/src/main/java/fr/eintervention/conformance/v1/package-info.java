/** Version 1 of the protocol: the tests against an OI, an OC and a DO. */
package fr.eintervention.conformance.v1;
