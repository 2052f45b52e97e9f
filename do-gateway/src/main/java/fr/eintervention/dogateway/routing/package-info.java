/** Which OI owns which PM, and where each OI receives M1/M3. */
package fr.eintervention.dogateway.routing;
