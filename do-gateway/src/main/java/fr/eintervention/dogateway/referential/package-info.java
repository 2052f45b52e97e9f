/**
 * What the DO knows of its partners and their PMs: the OIs it sends to and where each receives
 * M1/M3 ({@code OiDirectory}, from configuration), and its own list of PMs per OI, suggestions for
 * the technicians' tools loaded by an operator ({@code PmList}).
 */
package fr.eintervention.dogateway.referential;
