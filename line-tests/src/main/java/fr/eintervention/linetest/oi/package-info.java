/** The OI's rules of the line tests of one intervention: which M3TX it accepts, which M5TX, which M6TX it sends. */
package fr.eintervention.linetest.oi;
