/** The OI's referential: its PMs, the OCs present at each, its partners and their endpoints. */
package fr.eintervention.oi.referential;
