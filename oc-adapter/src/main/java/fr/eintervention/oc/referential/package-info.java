/** The PMs the OC is present at and the OIs it exchanges with. */
package fr.eintervention.oc.referential;
