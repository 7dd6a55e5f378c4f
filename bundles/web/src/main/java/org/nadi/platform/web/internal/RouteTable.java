package org.nadi.platform.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.RouteHandler;

/**
 * Every route currently declared, by the resource that declared it. Lookups run on every
 * request and never block; declarations are rare (a module enabled or disabled).
 */
final class RouteTable {

    /**
     * A declared route.
     *
     * @param module the id of the module that declared it, for the audit trail
     * @param access who may call it; {@code null} if it declared nothing, and then nobody may
     */
    record Route(Object owner, String module, String method, List<String> segments, Access access, RouteHandler handler) {

        String path() {
            return "/" + String.join("/", segments);
        }

        /** The path parameters if this route's path matches, else empty. */
        Optional<Map<String, String>> match(List<String> requestSegments) {
            if (requestSegments.size() != segments.size()) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String declared = segments.get(i);
                String actual = requestSegments.get(i);
                if (declared.startsWith("{") && declared.endsWith("}")) {
                    parameters.put(declared.substring(1, declared.length() - 1), actual);
                } else if (!declared.equals(actual)) {
                    return Optional.empty();
                }
            }
            return Optional.of(parameters);
        }
    }

    /** A route that matched a request, with its path parameters. */
    record Match(Route route, Map<String, String> parameters) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final System.Logger log = System.getLogger(RouteTable.class.getName());

    /** Adds a route unless the same method and path is declared already. */
    void add(Object owner, String module, String method, String path, Access access, RouteHandler handler) {
        if (path == null || !path.startsWith("/api/") || handler == null) {
            throw new IllegalArgumentException("A route needs a path starting with /api/ and a handler; got " + method + " " + path);
        }
        if (access == null) {
            log.log(System.Logger.Level.WARNING, "{0} {1} of module {2} declares no access rule: it will answer 403 to everyone",
                    method, path, module);
        }
        List<String> segments = segments(path);
        synchronized (routes) {
            for (Route existing : routes) {
                if (existing.method().equals(method) && existing.segments().equals(segments)) {
                    log.log(System.Logger.Level.WARNING, "Ignoring {0} {1}: already declared by {2}", method, path, existing.owner());
                    return;
                }
            }
            routes.add(new Route(owner, module, method, segments, access, handler));
        }
    }

    void removeAll(Object owner) {
        routes.removeIf(route -> route.owner() == owner);
    }

    /** The route for this method and path, if any. */
    Optional<Match> find(String method, String path) {
        List<String> requestSegments = segments(path);
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Optional<Map<String, String>> parameters = route.match(requestSegments);
                if (parameters.isPresent()) {
                    return Optional.of(new Match(route, parameters.get()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A route as {@code GET /api/v1/routes} lists it.
     *
     * @param access who may call it: {@code anyone}, a role's id, or {@code nobody} if it declares nothing
     */
    record Description(String method, String path, String module, String access) {
    }

    /** Every route, by path then method. */
    List<Description> describe() {
        return routes.stream()
                .map(route -> new Description(route.method(), route.path(), route.module(),
                        route.access() == null ? "nobody" : route.access().toString()))
                .sorted(Comparator.comparing(Description::path).thenComparing(Description::method))
                .toList();
    }

    /** The methods declared for this path, for a 405 answer's Allow header; empty if the path is unknown. */
    Set<String> methodsFor(String path) {
        List<String> requestSegments = segments(path);
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.match(requestSegments).isPresent()) {
                methods.add(route.method());
            }
        }
        return methods;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }
}
