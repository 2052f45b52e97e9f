/** The v2.5 protocol's rules, independent of any service: validation of each v2 message, its error codes and body, and the mapping between v1 and v2 with what is lost. */
package fr.eintervention.protocol.v2;
