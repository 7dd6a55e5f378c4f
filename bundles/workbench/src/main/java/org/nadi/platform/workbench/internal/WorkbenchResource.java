package org.nadi.platform.workbench.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.EventSink;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.api.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/workbench}: the contributions the caller's role may see; and
 * {@code GET /api/v1/workbench/events}: the same as a server-sent {@code workbench} event at
 * once and after every change, plus a {@code modules} event for administrators whenever a module
 * changes state. Any signed-in user may read both.
 */
@Component(service = RestResource.class)
public final class WorkbenchResource implements RestResource, Workbench.Listener {

    private static final Access SIGNED_IN = Access.role(Role.OBSERVER);

    private final Workbench workbench;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    /** An open workbench in a browser, and the role it was opened with. */
    private record Subscriber(EventSink sink, Role role) {
    }

    @Activate
    public WorkbenchResource(@Reference Workbench workbench) {
        this.workbench = workbench;
        workbench.addListener(this);
    }

    @Deactivate
    void deactivate() {
        workbench.removeListener(this);
        subscribers.forEach(subscriber -> subscriber.sink().close());
    }

    @Override
    public void declareRoutes(Routes routes) {
        routes.get("/api/v1/workbench", SIGNED_IN, request -> ApiResponse.ok(workbench.snapshot().visibleTo(roleOf(request))));
        routes.get("/api/v1/workbench/events", SIGNED_IN, request -> {
            Role role = roleOf(request);
            return ApiResponse.events(sink -> {
                Subscriber subscriber = new Subscriber(sink, role);
                subscribers.add(subscriber);
                sink.onClose(() -> subscribers.remove(subscriber));
                sink.send("workbench", workbench.snapshot().visibleTo(role));
            });
        });
    }

    private static Role roleOf(ApiRequest request) {
        return request.caller().orElseThrow().role();
    }

    @Override
    public void workbenchChanged(Snapshot snapshot) {
        subscribers.forEach(subscriber -> subscriber.sink().send("workbench", snapshot.visibleTo(subscriber.role())));
    }

    @Override
    public void modulesChanged(long revision) {
        subscribers.stream()
                .filter(subscriber -> subscriber.role().includes(Role.ADMINISTRATOR))
                .forEach(subscriber -> subscriber.sink().send("modules", Map.of("revision", revision)));
    }
}
