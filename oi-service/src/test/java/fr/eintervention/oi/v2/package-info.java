/** Version 2 at the OI: reception, answers, relays to OCs of either version, losses. */
package fr.eintervention.oi.v2;
