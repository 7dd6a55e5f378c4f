package org.nadi.platform.web.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link RestResource} declares its routes. A path is absolute and starts with
 * {@code /api/v1/}; a segment written {@code {name}} matches any one segment and is read with
 * {@link ApiRequest#pathParameter(String)}. A route declared twice (same method and path) by
 * different resources is ignored the second time, with a warning in the log.
 */
@ProviderType
@FunctionalInterface
public interface Routes {

    /**
     * Declares a route.
     *
     * @param method the HTTP method: {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
     */
    void add(String method, String path, Access access, RouteHandler handler);

    default void get(String path, Access access, RouteHandler handler) {
        add("GET", path, access, handler);
    }

    default void post(String path, Access access, RouteHandler handler) {
        add("POST", path, access, handler);
    }

    default void put(String path, Access access, RouteHandler handler) {
        add("PUT", path, access, handler);
    }

    default void patch(String path, Access access, RouteHandler handler) {
        add("PATCH", path, access, handler);
    }

    default void delete(String path, Access access, RouteHandler handler) {
        add("DELETE", path, access, handler);
    }
}
