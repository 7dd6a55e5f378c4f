package org.nadi.platform.web.internal;

import java.util.List;

import org.nadi.platform.kernel.api.ModuleRegistry;
import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /api/v1/health}: 200 and UP once every enabled module is active, 503 and what is wrong otherwise. */
@Component(service = RestResource.class)
public final class HealthResource implements RestResource {

    /**
     * @param status   {@code UP} or {@code DOWN}
     * @param modules  how many modules are installed
     * @param problems what keeps the runtime from being UP; empty when it is
     */
    record Health(String status, int modules, List<String> problems) {
    }

    private final ModuleRegistry registry;

    @Activate
    public HealthResource(@Reference ModuleRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void declareRoutes(Routes routes) {
        routes.get("/api/v1/health", Access.ANYONE, request -> {
            List<String> problems = registry.healthProblems();
            int modules = registry.modules().size();
            return problems.isEmpty()
                    ? ApiResponse.ok(new Health("UP", modules, problems))
                    : ApiResponse.status(503, new Health("DOWN", modules, problems));
        });
    }
}
