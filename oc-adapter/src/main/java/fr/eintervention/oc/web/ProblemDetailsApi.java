package fr.eintervention.oc.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the OC's own REST controllers (not the protocol's {@code /v1}): their refusals are
 * Problem Details with an {@code errors} list, see {@link ProblemDetailsAdvice}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemDetailsApi {
}
