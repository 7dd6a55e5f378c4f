package org.nadi.platform.example.internal;

import org.nadi.platform.example.api.Greeting;
import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.Routes;
import org.osgi.service.component.annotations.Component;

/** Serves {@code GET /api/v1/example/greeting} while the example module is enabled. */
@Component(service = RestResource.class)
public final class GreetingResource implements RestResource {

    @Override
    public void declareRoutes(Routes routes) {
        routes.get("/api/v1/example/greeting", Access.ANYONE,
                request -> ApiResponse.ok(new Greeting("Welcome to the NADI Platform", "example")));
    }
}
