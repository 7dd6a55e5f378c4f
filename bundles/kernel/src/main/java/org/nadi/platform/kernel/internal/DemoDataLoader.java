package org.nadi.platform.kernel.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.nadi.platform.kernel.api.DemoData;
import org.nadi.platform.kernel.api.ModuleHeader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Loads the enabled modules' {@link DemoData}, one module at a time; a module whose load fails
 * is logged with its id and the reason, and the others load all the same.
 *
 * <p>In a demo run (the launcher sets {@value #DEMO_PROPERTY}{@code =true} when
 * {@code bin/nadi --demo} starts on a new data directory) it offers the launcher a
 * {@code Supplier<String>} service marked {@value #STARTUP_LOADER_PROPERTY}: the launcher calls
 * it once the runtime is healthy and before it announces that the runtime is ready. Demo data
 * that appears later in the same run (a module from the deploy folder that starts after the
 * others, a module enabled or installed later) is loaded as it appears, because the whole data
 * directory is a demo one. Outside a demo run, demo data loads only on request ({@code nadi:demo}).
 *
 * <p>A module's demo data loads after that of the modules it requires (the framework's wiring,
 * as the module registry shows it): meetings name the people of membership's demo data.
 * Otherwise modules load in the order of their ids.
 */
@Component(service = DemoDataLoader.class, immediate = true)
public final class DemoDataLoader {

    /** The framework property that makes this run a demo run. */
    static final String DEMO_PROPERTY = "nadi.demo";
    /** The service property of the start-up loader the launcher looks for. */
    static final String STARTUP_LOADER_PROPERTY = "nadi.demo.startup";

    private static final System.Logger LOG = System.getLogger(DemoDataLoader.class.getName());

    /** How loading one module's demo data went. */
    record Outcome(String module, boolean loaded, String summary) {

        String line() {
            return loaded ? module + ": " + summary : module + ": failed: " + summary;
        }
    }

    /** A module's demo data, with the module's bundle and id read when the service appeared. */
    private record Contribution(Bundle bundle, String module, DemoData demoData) {
    }

    private final BundleContext context;
    private final Map<ServiceReference<DemoData>, Contribution> contributions = new ConcurrentHashMap<>();
    /** One load at a time: modules' loads may touch the same tables, and the log stays readable. */
    private final Object loading = new Object();
    private final boolean demoRun;
    private final ExecutorService lateLoader;
    private final ServiceRegistration<?> startupLoader;
    /** In a demo run, the contributions loaded so far; guarded by {@link #loading}. */
    private final Set<ServiceReference<DemoData>> loadedThisRun = new HashSet<>();
    private volatile boolean startupLoadBegun;

    @Activate
    public DemoDataLoader(BundleContext context) {
        this.context = context;
        this.demoRun = Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY));
        if (demoRun) {
            lateLoader = Executors.newSingleThreadExecutor(task -> new Thread(task, "nadi-demo-data"));
            Supplier<String> loader = this::loadAtStartup;
            startupLoader = context.registerService(Supplier.class.getName(), loader,
                    new Hashtable<>(Map.of(STARTUP_LOADER_PROPERTY, Boolean.TRUE)));
        } else {
            lateLoader = null;
            startupLoader = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (demoRun) {
            startupLoader.unregister();
            lateLoader.shutdownNow();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDemoData(ServiceReference<DemoData> reference, DemoData demoData) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return; // unregistered already
        }
        contributions.put(reference, new Contribution(bundle, moduleOf(bundle), demoData));
        if (demoRun && startupLoadBegun) {
            lateLoader.execute(() -> {
                synchronized (loading) {
                    loadOnceThisRun(reference);
                }
            });
        }
    }

    void removeDemoData(ServiceReference<DemoData> reference) {
        contributions.remove(reference);
    }

    /** Loads every enabled module's demo data now, as {@code nadi:demo} asks. */
    List<Outcome> loadAll() {
        synchronized (loading) {
            List<Outcome> outcomes = new ArrayList<>();
            for (ServiceReference<DemoData> reference : inModuleOrder()) {
                load(reference).ifPresent(outcomes::add);
            }
            return outcomes;
        }
    }

    /** The start-up load of a demo run: every contribution there is now; answers the summary. */
    private String loadAtStartup() {
        synchronized (loading) {
            startupLoadBegun = true;
            List<Outcome> outcomes = new ArrayList<>();
            for (ServiceReference<DemoData> reference : inModuleOrder()) {
                loadOnceThisRun(reference).ifPresent(outcomes::add);
            }
            return summary(outcomes);
        }
    }

    private Optional<Outcome> loadOnceThisRun(ServiceReference<DemoData> reference) {
        return loadedThisRun.add(reference) ? load(reference) : Optional.empty();
    }

    private Optional<Outcome> load(ServiceReference<DemoData> reference) {
        Contribution contribution = contributions.get(reference);
        if (contribution == null) {
            return Optional.empty(); // its module stopped meanwhile
        }
        String module = contribution.module();
        Outcome outcome;
        try {
            outcome = new Outcome(module, true, contribution.demoData().load());
            LOG.log(Level.INFO, "Demo data of module {0}: {1}", module, outcome.summary());
        } catch (Exception | LinkageError failed) {
            // An extension's bug must not keep the other modules' demo data out, nor stop the runtime.
            String reason = failed.getMessage() == null ? failed.getClass().getName() : failed.getMessage();
            outcome = new Outcome(module, false, reason);
            LOG.log(Level.WARNING, "Demo data of module " + module + " failed to load: " + reason, failed);
        }
        return Optional.of(outcome);
    }

    /** The contributions by module id, each after those of the modules its module requires. */
    List<ServiceReference<DemoData>> inModuleOrder() {
        List<Map.Entry<ServiceReference<DemoData>, Contribution>> byId = contributions.entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getValue().module()))
                .toList();
        List<Bundle> modules = Arrays.stream(context.getBundles()).filter(bundle -> ModuleHeader.of(bundle).isPresent()).toList();
        ModuleGraph graph = new ModuleGraph(modules);
        Set<ServiceReference<DemoData>> ordered = new LinkedHashSet<>();
        for (Map.Entry<ServiceReference<DemoData>, Contribution> entry : byId) {
            for (Bundle required : graph.requirementsInStartOrder(entry.getValue().bundle())) {
                byId.stream().filter(other -> other.getValue().bundle().equals(required)).forEach(other -> ordered.add(other.getKey()));
            }
            ordered.add(entry.getKey());
        }
        return List.copyOf(ordered);
    }

    /** The module id, or the symbolic name of a bundle that is not a module. */
    private static String moduleOf(Bundle bundle) {
        return ModuleHeader.of(bundle).map(ModuleHeader::id).orElse(bundle.getSymbolicName());
    }

    /** One line on the whole load, e.g. "demo data loaded for 2 modules (example, membership); failed for 1 (broken)". */
    static String summary(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return "no enabled module has demo data";
        }
        List<String> loaded = outcomes.stream().filter(Outcome::loaded).map(Outcome::module).toList();
        List<String> failed = outcomes.stream().filter(outcome -> !outcome.loaded()).map(Outcome::module).toList();
        String summary = "demo data loaded for " + loaded.size() + (loaded.size() == 1 ? " module" : " modules")
                + (loaded.isEmpty() ? "" : " (" + String.join(", ", loaded) + ")");
        return failed.isEmpty() ? summary : summary + "; failed for " + failed.size() + " (" + String.join(", ", failed) + ")";
    }
}
