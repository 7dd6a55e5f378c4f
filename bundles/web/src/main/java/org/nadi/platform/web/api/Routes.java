package org.nadi.platform.web.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link RestResource} declares its routes. A path is absolute and starts with
 * {@code /api/v1/}; a segment written {@code {name}} matches any one segment and is read with
 * {@link ApiRequest#pathParameter(String)}. A route declared twice (same method and path) by
 * different resources is ignored the second time, with a warning in the log.
 */
@ProviderType
public interface Routes {

    void get(String path, Access access, RouteHandler handler);

    void post(String path, Access access, RouteHandler handler);

    void put(String path, Access access, RouteHandler handler);

    void patch(String path, Access access, RouteHandler handler);

    void delete(String path, Access access, RouteHandler handler);
}
