/** The values every role of the line tests shares: a test's window, a customer down, a line restored, its route. */
package fr.eintervention.linetest;
