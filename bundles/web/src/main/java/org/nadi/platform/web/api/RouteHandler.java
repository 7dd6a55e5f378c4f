package org.nadi.platform.web.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Answers one route. */
@ConsumerType
@FunctionalInterface
public interface RouteHandler {

    /**
     * @return the response; its body is written as JSON
     * @throws ProblemException for a request that cannot be served, written as problem+json
     */
    ApiResponse handle(ApiRequest request) throws ProblemException;
}
