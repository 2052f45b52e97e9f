/**
 * What every version of the protocol shares: timestamps, a fault as data, its settings. Each
 * version's rules are in a sub-package ({@code v1}), the text the protocol can carry in {@code text}.
 */
package fr.eintervention.protocol;
