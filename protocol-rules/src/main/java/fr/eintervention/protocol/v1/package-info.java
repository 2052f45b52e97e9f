/** Version 1 of the protocol's rules: its messages, their validation, its answer codes and the violations they answer. */
package fr.eintervention.protocol.v1;
