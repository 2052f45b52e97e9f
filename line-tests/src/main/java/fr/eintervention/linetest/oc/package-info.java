/** The OC's rules of a line test: the window it evaluates, the customers down and lines restored in it, when it answers. */
package fr.eintervention.linetest.oc;
