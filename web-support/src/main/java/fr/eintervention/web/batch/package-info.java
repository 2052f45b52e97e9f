/** A request holding many items (a JSON batch, a CSV file): CSV read as operators export it, and the faults of a whole batch, the first ones listed. */
package fr.eintervention.web.batch;
