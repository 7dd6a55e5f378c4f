package org.nadi.platform.membership.internal;

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

    Map<String, String> accessByRoute() {
        Map<String, String> access = new HashMap<>();
        routes.forEach((route, declared) -> access.put(route, declared.access().toString()));
        return access;
    }

    /** Calls a route, e.g. {@code call("POST /api/v1/membership/people", request)}. */
    ApiResponse call(String route, FakeRequest request) throws ProblemException {
        Route declared = routes.get(route);
        if (declared == null) {
            throw new IllegalArgumentException("No route " + route + "; declared: " + routes.keySet());
        }
        return declared.handler().handle(request);
    }
}
