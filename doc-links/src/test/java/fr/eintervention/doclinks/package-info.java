/** The documentation's link check: every relative link of README.md, BENCHMARKS.md and docs/ resolves. */
package fr.eintervention.doclinks;
