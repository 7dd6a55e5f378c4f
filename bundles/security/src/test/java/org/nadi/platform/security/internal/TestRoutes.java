package org.nadi.platform.security.internal;

import java.util.HashMap;
import java.util.Map;

import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.RouteHandler;
import org.nadi.platform.web.api.Routes;

/** The routes a resource declares, called directly by a test as the REST API would call them once admitted. */
final class TestRoutes implements Routes {

    private record Route(Access access, RouteHandler handler) {
    }

    private final Map<String, Route> routes = new HashMap<>();

    static TestRoutes of(RestResource resource) {
        TestRoutes routes = new TestRoutes();
        resource.declareRoutes(routes);
        return routes;
    }

    @Override
    public void add(String method, String path, Access access, RouteHandler handler) {
        routes.put(method + " " + path, new Route(access, handler));
    }

    Access access(String route) {
        return routes.get(route).access();
    }

    /** Calls a route, e.g. {@code call("POST /api/v1/auth/login", request)}. */
    ApiResponse call(String route, FakeRequest request) throws ProblemException {
        Route declared = routes.get(route);
        if (declared == null) {
            throw new IllegalArgumentException("No route " + route + "; declared: " + routes.keySet());
        }
        return declared.handler().handle(request);
    }
}
