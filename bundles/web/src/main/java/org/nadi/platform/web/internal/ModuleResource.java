package org.nadi.platform.web.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.nadi.platform.kernel.api.DataChoice;
import org.nadi.platform.kernel.api.InstalledModule;
import org.nadi.platform.kernel.api.ModuleException;
import org.nadi.platform.kernel.api.ModuleRegistry;
import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.api.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Module administration over REST: list, read, enable, disable, install (upload), update and
 * uninstall, for administrators. Each change goes to the audit trail with the module's state
 * before and after.
 */
@Component(service = RestResource.class)
public final class ModuleResource implements RestResource {

    private static final String MODULES = "/api/v1/modules";
    private static final Access ADMINISTRATORS = Access.role(Role.ADMINISTRATOR);
    private static final Set<String> JAR_TYPES = Set.of("application/java-archive", "application/octet-stream");

    private final ModuleRegistry registry;

    @Activate
    public ModuleResource(@Reference ModuleRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void declareRoutes(Routes routes) {
        routes.get(MODULES, ADMINISTRATORS, request -> ApiResponse.ok(registry.modules()));
        routes.get(MODULES + "/{id}", ADMINISTRATORS, request -> ApiResponse.ok(find(request.pathParameter("id"))));
        routes.post(MODULES + "/{id}/enable", ADMINISTRATORS,
                request -> ApiResponse.ok(change(request, request.pathParameter("id"), () -> registry.enable(request.pathParameter("id")))));
        routes.post(MODULES + "/{id}/disable", ADMINISTRATORS, request -> {
            boolean cascade = request.flag("cascade");
            String id = request.pathParameter("id");
            return ApiResponse.ok(change(request, id, () -> registry.disable(id, cascade)));
        });
        routes.post(MODULES, ADMINISTRATORS, request -> {
            Path jar = upload(request);
            InstalledModule installed = change(request, null, () -> registry.install(jar));
            return ApiResponse.created(MODULES + "/" + installed.id(), installed);
        });
        routes.put(MODULES + "/{id}", ADMINISTRATORS, request -> {
            Path jar = upload(request);
            String id = request.pathParameter("id");
            return ApiResponse.ok(change(request, id, () -> registry.update(id, jar)));
        });
        routes.delete(MODULES + "/{id}", ADMINISTRATORS, request -> {
            boolean cascade = request.flag("cascade");
            DataChoice data = dataChoice(request);
            String id = request.pathParameter("id");
            change(request, id, () -> {
                registry.uninstall(id, cascade, data);
                return null;
            });
            return ApiResponse.noContent();
        });
    }

    private InstalledModule find(String id) throws ProblemException {
        return registry.module(id).orElseThrow(() -> ProblemException.notFound(
                "No module with id '" + id + "' is installed. GET " + MODULES + " lists the installed modules."));
    }

    /** {@code ?data=keep|drop}; absent is no choice, which the registry refuses for a module that has data. */
    private static DataChoice dataChoice(ApiRequest request) throws ProblemException {
        Optional<String> data = request.query("data");
        if (data.isEmpty()) {
            return null;
        }
        return switch (data.get()) {
            case "keep" -> DataChoice.KEEP;
            case "drop" -> DataChoice.DROP;
            default -> throw ProblemException.badRequest("data is '" + data.get() + "'; choose data=keep to keep the module's data"
                    + " for a later installation, or data=drop to delete it with the module.");
        };
    }

    private static Path upload(ApiRequest request) throws ProblemException {
        return request.uploadedFile(JAR_TYPES, ApiServlet.MAX_UPLOAD_BYTES);
    }

    @FunctionalInterface
    private interface Administration {
        InstalledModule run() throws ModuleException;
    }

    /** A module's state and version, as the audit trail records them. */
    private record Summary(String state, String version) {
        static Summary of(InstalledModule module) {
            return module == null ? null : new Summary(module.state().name(), module.version());
        }
    }

    /**
     * Runs a module operation and tells the audit trail how the module changed.
     *
     * @param id the module changed; {@code null} for one being installed
     * @return what the operation answered: the module as it is now, or {@code null} once uninstalled
     */
    private InstalledModule change(ApiRequest request, String id, Administration operation) throws ProblemException {
        InstalledModule before = id == null ? null : registry.module(id).orElse(null);
        InstalledModule after;
        try {
            after = operation.run();
        } catch (ModuleException refused) {
            throw problemFor(refused);
        }
        String changed = after != null ? after.id() : id;
        request.audit("module", changed, Summary.of(before), Summary.of(registry.module(changed).orElse(null)));
        return after;
    }

    /** The HTTP answer to each way a module operation can be refused. */
    static ProblemException problemFor(ModuleException refused) {
        String detail = refused.getMessage();
        return switch (refused.problem()) {
            case NOT_FOUND -> new ProblemException(404, "module-not-found", "No such module", detail);
            case CORE_MODULE -> new ProblemException(409, "module-is-core", "Core modules cannot be changed", detail);
            case HAS_DEPENDENTS -> new ProblemException(409, "module-has-dependents", "Other modules need this one", detail,
                    Map.of("dependents", refused.dependents()));
            case ALREADY_INSTALLED -> new ProblemException(409, "module-already-installed", "Module already installed", detail);
            case BUSY -> new ProblemException(409, "module-operation-busy", "Another module operation is running", detail);
            case INVALID_JAR -> new ProblemException(400, "module-jar-invalid", "Not a valid module jar", detail);
            case UNRESOLVABLE -> new ProblemException(422, "module-unresolvable", "Module cannot be resolved", detail);
            case ACTIVATION_FAILED -> new ProblemException(422, "module-activation-failed", "Module failed to start", detail);
            case ACTIVATION_TIMEOUT -> new ProblemException(422, "module-activation-timeout", "Module did not start in time", detail);
            case DATA_CHOICE_REQUIRED -> new ProblemException(400, "module-data-choice-required", "Keep or drop the module's data?",
                    detail);
            case DATA_NOT_DROPPED -> new ProblemException(500, "module-data-not-dropped", "Module uninstalled, data not dropped",
                    detail);
        };
    }
}
