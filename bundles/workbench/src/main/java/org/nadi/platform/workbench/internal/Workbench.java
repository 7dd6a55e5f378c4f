package org.nadi.platform.workbench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.nadi.platform.kernel.api.InstalledModule;
import org.nadi.platform.kernel.api.ModuleCondition;
import org.nadi.platform.kernel.api.ModuleHeader;
import org.nadi.platform.kernel.api.ModuleRegistry;
import org.nadi.platform.kernel.api.ModuleState;
import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.api.StaticFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The workbench extender: reads the contribution file a module's {@code NADI-Workbench} header
 * names, from the bundle's entries and without loading its classes; shows the contributions of
 * the modules that are enabled, and publishes their web folders at {@code /modules/{id}/};
 * and, as a {@link ModuleCondition}, fails a module whose file is wrong, with a reason that
 * names the file and the problem.
 *
 * <p>Every bundle and module change is followed, after a short pause that gathers a burst of
 * them, by a new {@link Snapshot} when the visible contributions changed, and by a modules
 * notice to the listeners in any case.
 */
@Component(service = {Workbench.class, ModuleCondition.class}, immediate = true)
public final class Workbench implements ModuleCondition {

    /** The manifest header that names a module's contribution file. */
    static final String HEADER = "NADI-Workbench";
    /** How long a change waits for the rest of its burst (an enable starts the module's requirements too). */
    private static final long SETTLE_MILLIS = 20;
    private static final System.Logger LOG = System.getLogger(Workbench.class.getName());

    /** What the open workbenches hear. Called on the workbench's own thread, one call at a time. */
    interface Listener {
        void workbenchChanged(Snapshot snapshot);

        void modulesChanged(long revision);
    }

    /** A bundle's contribution file, read once per bundle revision: the contributions, or why they are wrong. */
    private record Reading(long lastModified, String file, Contributions contributions, String problem) {
    }

    /** A module's published web folder. */
    private record Folder(String module, Bundle bundle, String folder) implements StaticFolder {
        @Override
        public String path() {
            return "/modules/" + module;
        }

        @Override
        public Access access() {
            return Access.role(Role.OBSERVER);
        }
    }

    private record Published(Folder folder, ServiceRegistration<StaticFolder> registration) {
    }

    /** The shell's own files, open to anyone because the sign-in page is among them. */
    private record Shell(Bundle bundle) implements StaticFolder {
        @Override
        public String path() {
            return "/shell";
        }

        @Override
        public String folder() {
            return "shell";
        }

        @Override
        public Access access() {
            return Access.ANYONE;
        }

        @Override
        public Optional<String> frontPage() {
            return Optional.of("index.html");
        }
    }

    private final BundleContext context;
    private final ModuleRegistry registry;
    private final Map<Long, Reading> readings = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "nadi-workbench");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean changePending = new AtomicBoolean();
    private final BundleTracker<String> contributors;
    private final BundleListener moduleListener = this::bundleChanged;
    private final ServiceRegistration<StaticFolder> shell;
    /** The web folders published now, by module id; touched on the worker thread only. */
    private final Map<String, Published> published = new HashMap<>();
    private volatile Snapshot snapshot = new Snapshot(0, Map.of());
    private long modulesRevision;

    @Activate
    public Workbench(BundleContext context, @Reference ModuleRegistry registry) {
        this.context = context;
        this.registry = registry;
        this.contributors = new BundleTracker<>(context, Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE
                | Bundle.STOPPING, new Contributors());
        this.shell = context.registerService(StaticFolder.class, new Shell(context.getBundle()), null);
        contributors.open();
        context.addBundleListener(moduleListener);
        changed();
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(moduleListener);
        contributors.close();
        worker.shutdownNow();
        published.values().forEach(folder -> unregister(folder.registration()));
        unregister(shell);
    }

    /** Tracks the modules that declare a contribution file; the tracked object is the module's id. */
    private final class Contributors implements BundleTrackerCustomizer<String> {
        @Override
        public String addingBundle(Bundle bundle, BundleEvent event) {
            if (bundle.getHeaders("").get(HEADER) == null) {
                return null;
            }
            Optional<ModuleHeader> module = ModuleHeader.of(bundle);
            if (module.isEmpty()) {
                return null;
            }
            changed();
            return module.get().id();
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, String module) {
            changed();
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, String module) {
            readings.remove(bundle.getBundleId());
            changed();
        }
    }

    private void bundleChanged(BundleEvent event) {
        if (ModuleHeader.of(event.getBundle()).isPresent()) {
            changed();
        }
    }

    void addListener(Listener listener) {
        listeners.add(listener);
    }

    void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public Optional<String> problem(Bundle module) {
        if (module.getHeaders("").get(HEADER) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(read(module).problem());
    }

    /** Asks for a look at the modules soon, once however many changes arrive meanwhile. */
    private void changed() {
        if (changePending.compareAndSet(false, true)) {
            try {
                worker.schedule(this::update, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                changePending.set(false);
            }
        }
    }

    private void update() {
        changePending.set(false);
        try {
            Map<String, InstalledModule> modules = registry.modules().stream()
                    .collect(Collectors.toMap(InstalledModule::id, Function.identity()));
            Map<String, Contributions> visible = new HashMap<>();
            Map<String, Folder> folders = new HashMap<>();
            for (Map.Entry<Bundle, String> contributor : contributors.getTracked().entrySet()) {
                Bundle bundle = contributor.getKey();
                String id = contributor.getValue();
                InstalledModule module = modules.get(id);
                if (bundle.getState() != Bundle.ACTIVE || module == null || module.state() != ModuleState.ENABLED) {
                    continue;
                }
                Reading reading = read(bundle);
                if (reading.contributions() != null) {
                    visible.put(id, reading.contributions());
                    folders.put(id, new Folder(id, bundle, reading.file().substring(0, reading.file().lastIndexOf('/'))));
                }
            }
            publish(folders);
            if (!visible.equals(snapshot.byModule())) {
                snapshot = new Snapshot(snapshot.revision() + 1, visible);
                LOG.log(Level.DEBUG, "Workbench revision {0}: contributions of {1}", snapshot.revision(), visible.keySet());
                listeners.forEach(listener -> notify(() -> listener.workbenchChanged(snapshot)));
            }
            long revision = ++modulesRevision;
            listeners.forEach(listener -> notify(() -> listener.modulesChanged(revision)));
        } catch (RuntimeException broken) {
            LOG.log(Level.ERROR, "The workbench could not follow a module change", broken);
        }
    }

    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException broken) {
            LOG.log(Level.ERROR, "A workbench listener failed", broken);
        }
    }

    /** Publishes the web folders of the modules shown now, and withdraws the others'. */
    private void publish(Map<String, Folder> folders) {
        published.values().removeIf(before -> {
            if (before.folder().equals(folders.get(before.folder().module()))) {
                return false;
            }
            unregister(before.registration());
            return true;
        });
        folders.forEach((module, folder) -> published.computeIfAbsent(module,
                id -> new Published(folder, context.registerService(StaticFolder.class, folder, null))));
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // Unregistered with the bundle.
        }
    }

    /** The bundle's contribution file, read again only when the bundle was updated. */
    private Reading read(Bundle bundle) {
        Reading known = readings.get(bundle.getBundleId());
        if (known != null && known.lastModified() == bundle.getLastModified()) {
            return known;
        }
        Reading reading = readNow(bundle);
        readings.put(bundle.getBundleId(), reading);
        return reading;
    }

    private static Reading readNow(Bundle bundle) {
        long lastModified = bundle.getLastModified();
        String file = bundle.getHeaders("").get(HEADER).trim();
        String module = ModuleHeader.of(bundle).map(ModuleHeader::id).orElse(bundle.getSymbolicName());
        if (!file.matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*/[A-Za-z0-9_.-]+\\.json") || file.startsWith("META-INF/")
                || file.startsWith("OSGI-INF/")) {
            return new Reading(lastModified, file, null, HEADER + " names '" + file + "', which is not a .json file in a folder of"
                    + " the bundle (like workbench/contributions.json); that folder is served to browsers, so it cannot be the"
                    + " bundle's root, META-INF or OSGI-INF");
        }
        URL entry = bundle.getEntry(file);
        if (entry == null) {
            return new Reading(lastModified, file, null, file + ": the file named by the " + HEADER + " header is not in the bundle");
        }
        try (InputStream in = entry.openStream()) {
            byte[] bytes = in.readNBytes(ContributionFile.MAX_BYTES + 1);
            if (bytes.length > ContributionFile.MAX_BYTES) {
                return new Reading(lastModified, file, null, file + ": is larger than " + ContributionFile.MAX_BYTES / 1024 + " KiB");
            }
            Contributions contributions = ContributionFile.read(module, file, new String(bytes, StandardCharsets.UTF_8),
                    path -> bundle.getEntry(path) != null, Long.toString(lastModified, 36));
            return new Reading(lastModified, file, contributions, null);
        } catch (ContributionFile.Invalid invalid) {
            return new Reading(lastModified, file, null, invalid.getMessage());
        } catch (IOException | IllegalStateException unreadable) {
            return new Reading(lastModified, file, null, file + ": could not be read: " + unreadable.getMessage());
        }
    }
}
