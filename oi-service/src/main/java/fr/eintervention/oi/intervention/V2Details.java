package fr.eintervention.oi.intervention;

/**
 * What a v2 declaration says that v1's intervention does not hold, kept with the intervention so
 * that nothing is lost: its nature among v2's (the intervention's v1 nature is the nearest one),
 * the technical PM, the network element and the service reference.
 *
 * @param nature                   v2's nature code ({@code 1}, {@code 20}, {@code 41}...)
 * @param refPmTechnique           the technical PM
 * @param elementReseau            {@code PM}, {@code PBO} or {@code PTO}; null when not given
 * @param referencePrestationPrise null when not given
 */
record V2Details(String nature, String refPmTechnique, String elementReseau, String referencePrestationPrise) {
}
