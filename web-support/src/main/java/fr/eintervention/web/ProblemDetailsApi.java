package fr.eintervention.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service's own REST controller (not the protocol's {@code /v1}): its refusals are
 * Problem Details with an {@code errors} list naming each field at fault, see {@link ProblemDetailsAdvice}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemDetailsApi {

    /**
     * What the protocol would have answered a body it cannot read, told to the caller as
     * {@code protocolAnswer} (an API that mirrors the protocol, such as the DO gateway's field
     * API); none by default.
     */
    String unreadableBodyProtocolAnswer() default "";
}
