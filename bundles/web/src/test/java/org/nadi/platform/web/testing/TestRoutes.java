package org.nadi.platform.web.testing;

import java.util.HashMap;
import java.util.Map;

import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.RouteHandler;
import org.nadi.platform.web.api.Routes;

/** The routes a resource declares, called directly by a test as the REST API would call them once admitted. */
public final class TestRoutes implements Routes {

    private record Route(Access access, RouteHandler handler) {
    }

    private final Map<String, Route> routes = new HashMap<>();

    public static TestRoutes of(RestResource resource) {
        TestRoutes routes = new TestRoutes();
        resource.declareRoutes(routes);
        return routes;
    }

    @Override
    public void add(String method, String path, Access access, RouteHandler handler) {
        routes.put(method + " " + path, new Route(access, handler));
    }

    /** Who may call the route, e.g. {@code access("POST /api/v1/auth/login")}. */
    public Access access(String route) {
        return declared(route).access();
    }

    /** Every route declared, as {@code "METHOD path"}, with who may call it. */
    public Map<String, Access> accessByRoute() {
        Map<String, Access> access = new HashMap<>();
        routes.forEach((route, declared) -> access.put(route, declared.access()));
        return access;
    }

    /** Calls a route, e.g. {@code call("POST /api/v1/auth/login", request)}. */
    public ApiResponse call(String route, ApiRequest request) throws ProblemException {
        return declared(route).handler().handle(request);
    }

    private Route declared(String route) {
        Route declared = routes.get(route);
        if (declared == null) {
            throw new IllegalArgumentException("No route " + route + "; declared: " + routes.keySet());
        }
        return declared;
    }
}
