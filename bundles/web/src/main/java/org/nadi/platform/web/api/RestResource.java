package org.nadi.platform.web.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A whiteboard service that contributes REST routes. Register an implementation as an OSGi
 * service; its routes are served while the service is registered.
 *
 * <pre>{@code
 * @Component(service = RestResource.class)
 * public final class GreetingResource implements RestResource {
 *     public void declareRoutes(Routes routes) {
 *         routes.get("/api/v1/example/greeting", Access.role(Role.OBSERVER), request -> ApiResponse.ok(new Greeting("Hello")));
 *     }
 * }
 * }</pre>
 */
@ConsumerType
public interface RestResource {

    /** Declares this resource's routes. Called once, when the service is registered. */
    void declareRoutes(Routes routes);
}
