/** The protocol's rules shared by every receiver and the DO gateway: validation, answers, timestamps. */
package fr.eintervention.protocol;
