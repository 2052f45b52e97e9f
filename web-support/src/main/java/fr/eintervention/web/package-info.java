/**
 * What the services' own HTTP APIs (off the protocol) share: pages of listings, instants in query
 * parameters, and the refusal of bad input ({@code InvalidInput}, {@code NotFound},
 * {@code Conflict}) answered as Problem Details by the one {@code ProblemDetailsAdvice}.
 */
package fr.eintervention.web;
