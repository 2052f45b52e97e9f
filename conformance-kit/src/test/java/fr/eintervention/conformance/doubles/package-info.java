/** Test doubles of an OI, an OC and a DO, right by default, with one fault switched on at a time: the kit must catch each. */
package fr.eintervention.conformance.doubles;
