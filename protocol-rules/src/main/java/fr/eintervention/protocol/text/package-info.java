/** What text the protocol can carry: every incoming byte decoded strictly and checked once, faults as data. */
package fr.eintervention.protocol.text;
