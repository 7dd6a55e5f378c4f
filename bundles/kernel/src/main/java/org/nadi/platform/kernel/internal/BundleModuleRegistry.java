package org.nadi.platform.kernel.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.nadi.platform.kernel.api.DataChoice;
import org.nadi.platform.kernel.api.InstalledModule;
import org.nadi.platform.kernel.api.ModuleCondition;
import org.nadi.platform.kernel.api.ModuleDataHolder;
import org.nadi.platform.kernel.api.ModuleException;
import org.nadi.platform.kernel.api.ModuleHeader;
import org.nadi.platform.kernel.api.ModuleException.Problem;
import org.nadi.platform.kernel.api.ModuleRegistry;
import org.nadi.platform.kernel.api.ModuleState;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * The module registry over the OSGi framework. A module is enabled when its bundle is
 * persistently started, so the framework's own bundle cache is what makes enable, disable,
 * install and uninstall survive a restart.
 *
 * <p>Jars dropped into the deploy folder are installed by Felix FileInstall (configured not to
 * start them); this registry starts them with the same time limit and error handling as an
 * upload.
 */
@Component(service = ModuleRegistry.class, immediate = true)
public final class BundleModuleRegistry implements ModuleRegistry {

    /** Framework property: how long a module's activator may take to start or stop, in milliseconds. */
    static final String TIMEOUT_PROPERTY = "nadi.module.timeout.ms";
    /** Framework property set by the launcher: the folder FileInstall watches. */
    static final String DEPLOY_DIR_PROPERTY = "felix.fileinstall.dir";
    private static final String UPLOAD_LOCATION = "nadi:module:";
    private static final System.Logger LOG = System.getLogger(BundleModuleRegistry.class.getName());

    private final BundleContext context;
    private final ServiceComponentRuntime components;
    private final TimeLimitedOperations operations;
    private final Path deployFolder;
    /** Why a module that was meant to run is not running, by bundle id; cleared when it starts or is disabled. */
    private final Map<Long, String> failures = new ConcurrentHashMap<>();
    private final PendingRollbacks pendingRollbacks;
    private final ReentrantLock oneOperationAtATime = new ReentrantLock();
    private final ExecutorService deployedModuleStarter = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "nadi-deploy-folder-starter");
        thread.setDaemon(true);
        return thread;
    });
    /** What other platform services (storage) know about why a module cannot work. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<ModuleCondition> conditions = List.of();
    /** The services that keep modules' data (storage), asked when a module is uninstalled. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<ModuleDataHolder> dataHolders = List.of();
    private final BundleListener bundleListener = this::bundleChanged;
    private final FrameworkListener frameworkListener = this::frameworkEvent;

    @Activate
    public BundleModuleRegistry(BundleContext context, @Reference ServiceComponentRuntime components) {
        this.context = context;
        this.components = components;
        String timeout = context.getProperty(TIMEOUT_PROPERTY);
        this.operations = new TimeLimitedOperations(Duration.ofMillis(timeout == null ? 5000 : Long.parseLong(timeout.trim())));
        String deployDir = context.getProperty(DEPLOY_DIR_PROPERTY);
        this.deployFolder = deployDir == null ? null : Path.of(deployDir).toAbsolutePath().normalize();
        this.pendingRollbacks = new PendingRollbacks(context.getDataFile("pending-rollbacks").toPath());
        finishPendingRollbacks();
        context.addBundleListener(bundleListener);
        context.addFrameworkListener(frameworkListener);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(bundleListener);
        context.removeFrameworkListener(frameworkListener);
        deployedModuleStarter.shutdownNow();
        operations.close();
    }

    // ---- reading -------------------------------------------------------------------------

    @Override
    public List<InstalledModule> modules() {
        List<Bundle> bundles = moduleBundles();
        ModuleGraph graph = new ModuleGraph(bundles);
        return bundles.stream().map(bundle -> describe(bundle, graph)).sorted(Comparator.comparing(InstalledModule::id)).toList();
    }

    @Override
    public Optional<InstalledModule> module(String id) {
        List<Bundle> bundles = moduleBundles();
        ModuleGraph graph = new ModuleGraph(bundles);
        return bundles.stream().filter(bundle -> idOf(bundle).equals(id)).findFirst().map(bundle -> describe(bundle, graph));
    }

    @Override
    public List<String> healthProblems() {
        List<String> problems = new ArrayList<>();
        for (InstalledModule module : modules()) {
            boolean meantToRun = module.state() == ModuleState.FAILED
                    || (module.state() == ModuleState.UNRESOLVED && bundleWithId(module.id()).map(BundleModuleRegistry::isEnabled).orElse(false));
            if (meantToRun) {
                problems.add("module " + module.id() + " is " + module.state() + ": " + module.reason());
            }
        }
        return problems;
    }

    private InstalledModule describe(Bundle bundle, ModuleGraph graph) {
        ModuleHeader header = ModuleHeader.of(bundle).orElseThrow();
        Dictionary<String, String> headers = bundle.getHeaders("");
        ModuleState state;
        String reason = null;
        switch (bundle.getState()) {
            case Bundle.INSTALLED -> {
                // The framework resolves a bundle only when something starts it, so after a
                // restart a disabled module is still INSTALLED although nothing it needs is missing.
                // A package refresh (FileInstall makes them) also leaves a refused module INSTALLED:
                // its recorded failure still says why it is not running.
                Optional<String> missing = MissingRequirement.firstMissing(bundle, context);
                if (missing.isEmpty() && failures.containsKey(bundle.getBundleId())) {
                    state = ModuleState.FAILED;
                    reason = failures.get(bundle.getBundleId());
                } else if (missing.isEmpty() && !isEnabled(bundle)) {
                    state = ModuleState.DISABLED;
                } else {
                    state = ModuleState.UNRESOLVED;
                    reason = missing.orElseGet(MissingRequirement::conflictingRequirements);
                }
            }
            case Bundle.ACTIVE -> {
                reason = conditionProblem(bundle).or(() -> componentProblem(bundle)).orElse(null);
                state = reason == null ? ModuleState.ENABLED : ModuleState.FAILED;
            }
            case Bundle.STARTING -> {
                state = ModuleState.FAILED;
                reason = "its activator has not returned yet; it has been starting for longer than a module should";
            }
            default -> {
                reason = failures.get(bundle.getBundleId());
                if (reason != null) {
                    state = ModuleState.FAILED;
                } else if (isEnabled(bundle)) {
                    state = ModuleState.FAILED;
                    reason = "not started yet: the runtime is still starting";
                } else {
                    state = ModuleState.DISABLED;
                }
            }
        }
        return new InstalledModule(
                header.id(),
                header(headers, Constants.BUNDLE_NAME, bundle.getSymbolicName()),
                header(headers, Constants.BUNDLE_DESCRIPTION, ""),
                bundle.getVersion().toString(),
                header(headers, Constants.BUNDLE_VENDOR, ""),
                header.core(),
                state,
                reason,
                graph.requires(bundle).stream().map(BundleModuleRegistry::idOf).sorted().toList(),
                graph.requiredBy(bundle).stream().map(BundleModuleRegistry::idOf).sorted().toList());
    }

    private static String header(Dictionary<String, String> headers, String name, String otherwise) {
        String value = headers.get(name);
        return value == null ? otherwise : value;
    }

    /**
     * The first problem a registered {@link ModuleCondition} reports. Asked before the
     * components, whose failure is often only the consequence (a module whose migration failed
     * gets no database, so its components cannot activate).
     */
    private Optional<String> conditionProblem(Bundle bundle) {
        for (ModuleCondition condition : conditions) {
            try {
                Optional<String> problem = condition.problem(bundle);
                if (problem.isPresent()) {
                    return problem;
                }
            } catch (RuntimeException broken) {
                LOG.log(Level.WARNING, "Module condition " + condition.getClass().getName() + " failed for " + idOf(bundle), broken);
            }
        }
        return Optional.empty();
    }

    /** A component of an active module that failed to activate or lacks a mandatory service. */
    private Optional<String> componentProblem(Bundle bundle) {
        for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return Optional.of("component " + description.name + " failed to activate: " + configuration.failure);
                }
                if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    for (UnsatisfiedReferenceDTO missing : configuration.unsatisfiedReferences) {
                        return Optional.of("component " + description.name + " is waiting for a service it needs: "
                                + interfaceOf(description, missing.name));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String interfaceOf(ComponentDescriptionDTO description, String reference) {
        for (ReferenceDTO declared : description.references) {
            if (declared.name.equals(reference)) {
                return declared.interfaceName;
            }
        }
        return reference;
    }

    private List<Bundle> moduleBundles() {
        List<Bundle> modules = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.UNINSTALLED && ModuleHeader.of(bundle).isPresent()) {
                modules.add(bundle);
            }
        }
        return modules;
    }

    private static String idOf(Bundle bundle) {
        return ModuleHeader.of(bundle).map(ModuleHeader::id).orElse(bundle.getSymbolicName());
    }

    private static boolean isEnabled(Bundle bundle) {
        BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
        return startLevel != null && startLevel.isPersistentlyStarted();
    }

    // ---- changing ------------------------------------------------------------------------

    @Override
    public InstalledModule enable(String id) throws ModuleException {
        return exclusively(() -> {
            Bundle bundle = bundleOf(id);
            enableWithRequirements(bundle);
            return module(id).orElseThrow();
        });
    }

    @Override
    public InstalledModule disable(String id, boolean cascade) throws ModuleException {
        return exclusively(() -> {
            Bundle bundle = bundleOf(id);
            refuseCore(bundle, "disabled");
            for (Bundle dependent : enabledDependents(bundle, cascade, "disable")) {
                stop(dependent);
            }
            stop(bundle);
            return module(id).orElseThrow();
        });
    }

    @Override
    public InstalledModule install(Path jar) throws ModuleException {
        ModuleJar candidate = ModuleJar.inspect(jar);
        return exclusively(() -> {
            String id = candidate.module().id();
            Optional<Bundle> existing = bundleWithId(id);
            if (existing.isPresent()) {
                throw new ModuleException(Problem.ALREADY_INSTALLED, "A module with id '" + id + "' is installed already (version "
                        + existing.get().getVersion() + "). To replace it, update it instead: PUT /api/v1/modules/" + id + ".");
            }
            Bundle bundle;
            try (InputStream content = Files.newInputStream(jar)) {
                bundle = context.installBundle(UPLOAD_LOCATION + id, content);
            } catch (BundleException refused) {
                throw installRefused(candidate, refused);
            } catch (IOException unreadable) {
                throw new ModuleException(Problem.INVALID_JAR, "The uploaded jar cannot be read: " + unreadable.getMessage(), unreadable);
            }
            try {
                enableWithRequirements(bundle);
            } catch (ModuleException failed) {
                rollBack(bundle, id);
                throw failed;
            }
            LOG.log(Level.INFO, "Installed module {0} {1}", id, candidate.version());
            return module(id).orElseThrow();
        });
    }

    @Override
    public InstalledModule update(String id, Path jar) throws ModuleException {
        ModuleJar candidate = ModuleJar.inspect(jar);
        return exclusively(() -> {
            Bundle bundle = bundleOf(id);
            refuseCore(bundle, "updated through the API; upgrade the distribution instead");
            if (!candidate.module().id().equals(id)) {
                throw new ModuleException(Problem.INVALID_JAR, "The jar holds module '" + candidate.module().id()
                        + "', not '" + id + "'. Install it as a new module, or upload the jar of '" + id + "'.");
            }
            boolean wasEnabled = isEnabled(bundle);
            if (bundle.getState() == Bundle.ACTIVE) {
                operations.run("stop", id, () -> bundle.stop(Bundle.STOP_TRANSIENT));
            }
            operations.run("update", id, () -> {
                try (InputStream content = Files.newInputStream(jar)) {
                    bundle.update(content);
                }
            });
            operations.refresh(context, List.of(bundle), id);
            failures.remove(bundle.getBundleId());
            if (wasEnabled) {
                enableWithRequirements(bundle);
            }
            LOG.log(Level.INFO, "Updated module {0} to {1}", id, candidate.version());
            return module(id).orElseThrow();
        });
    }

    @Override
    public void uninstall(String id, boolean cascade) throws ModuleException {
        uninstall(id, cascade, null);
    }

    @Override
    public void uninstall(String id, boolean cascade, DataChoice data) throws ModuleException {
        exclusively(() -> {
            Bundle bundle = bundleOf(id);
            refuseCore(bundle, "uninstalled");
            if (data == null) {
                List<String> held = dataHeldOf(id);
                if (!held.isEmpty()) {
                    throw new ModuleException(Problem.DATA_CHOICE_REQUIRED, "Module '" + id + "' has data (" + String.join("; ", held)
                            + "). Choose whether to keep it, for a later installation of the module, or to drop it with the module:"
                            + " data=keep or data=drop (in the shell: --keep-data or --drop-data).");
                }
            }
            for (Bundle dependent : enabledDependents(bundle, cascade, "uninstall")) {
                stop(dependent);
            }
            Optional<Path> deployed = deployedFile(bundle);
            if (deployed.isPresent()) {
                // Otherwise FileInstall would install it again from the deploy folder.
                try {
                    Files.deleteIfExists(deployed.get());
                } catch (IOException e) {
                    throw new ModuleException(Problem.BUSY, "Module '" + id + "' came from " + deployed.get()
                            + " and that file cannot be deleted (" + e.getMessage() + "); delete it by hand.", e);
                }
            }
            operations.run("uninstall", id, bundle::uninstall);
            failures.remove(bundle.getBundleId());
            operations.refresh(context, List.of(bundle), id);
            LOG.log(Level.INFO, "Uninstalled module {0}", id);
            if (data == DataChoice.DROP) {
                dropData(id);
            }
            return null;
        });
    }

    private List<String> dataHeldOf(String id) {
        List<String> held = new ArrayList<>();
        for (ModuleDataHolder holder : dataHolders) {
            holder.dataOf(id).ifPresent(held::add);
        }
        return held;
    }

    private void dropData(String id) throws ModuleException {
        for (ModuleDataHolder holder : dataHolders) {
            try {
                holder.drop(id);
            } catch (RuntimeException failed) {
                throw new ModuleException(Problem.DATA_NOT_DROPPED, "Module '" + id + "' was uninstalled, but its data could not be"
                        + " dropped: " + failed.getMessage(), failed);
            }
        }
        LOG.log(Level.INFO, "Dropped the data of module {0}", id);
    }

    private void enableWithRequirements(Bundle bundle) throws ModuleException {
        String id = idOf(bundle);
        resolve(bundle, id);
        ModuleGraph graph = new ModuleGraph(moduleBundles());
        for (Bundle requirement : graph.requirementsInStartOrder(bundle)) {
            if (requirement.getState() != Bundle.ACTIVE || !isEnabled(requirement)) {
                try {
                    resolve(requirement, idOf(requirement));
                    start(requirement);
                } catch (ModuleException failed) {
                    throw new ModuleException(failed.problem(), "Module '" + id + "' needs module '" + idOf(requirement)
                            + "', which could not be enabled: " + failed.getMessage(), failed);
                }
            }
        }
        start(bundle);
    }

    private void resolve(Bundle bundle, String id) throws ModuleException {
        if (bundle.getState() != Bundle.INSTALLED) {
            return;
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        if (!wiring.resolveBundles(Set.of(bundle))) {
            String reason = MissingRequirement.describe(bundle, context);
            throw new ModuleException(Problem.UNRESOLVABLE, "Module '" + id + "' cannot be resolved: " + reason
                    + ". Install the module or library that provides it first.");
        }
    }

    /**
     * Starts transiently first and records the module as enabled only once it is running, so a
     * module that throws or hangs is never started again automatically at the next launch.
     */
    private void start(Bundle bundle) throws ModuleException {
        String id = idOf(bundle);
        try {
            operations.run("start", id, () -> bundle.start(Bundle.START_TRANSIENT));
            operations.run("start", id, bundle::start);
        } catch (ModuleException failed) {
            failures.put(bundle.getBundleId(), failed.getMessage());
            throw failed;
        }
        Optional<String> problem = conditionProblem(bundle).or(() -> componentProblem(bundle));
        if (problem.isPresent()) {
            // Stopped before the reason is recorded: the STARTED event of this start arrives
            // asynchronously and must find the bundle no longer active (see bundleChanged).
            try {
                operations.run("stop", id, bundle::stop);
            } finally {
                failures.put(bundle.getBundleId(), problem.get());
            }
            throw new ModuleException(Problem.ACTIVATION_FAILED, "Module '" + id + "' started but " + problem.get()
                    + ". It was stopped again.");
        }
        failures.remove(bundle.getBundleId());
    }

    private void stop(Bundle bundle) throws ModuleException {
        operations.run("stop", idOf(bundle), bundle::stop);
        failures.remove(bundle.getBundleId());
    }

    private List<Bundle> enabledDependents(Bundle bundle, boolean cascade, String operation) throws ModuleException {
        List<Bundle> dependents = new ModuleGraph(moduleBundles()).dependentsInStopOrder(bundle).stream()
                .filter(dependent -> isEnabled(dependent) || dependent.getState() == Bundle.ACTIVE)
                .toList();
        if (!dependents.isEmpty() && !cascade) {
            List<String> ids = dependents.stream().map(BundleModuleRegistry::idOf).sorted().toList();
            throw new ModuleException(Problem.HAS_DEPENDENTS, "Module '" + idOf(bundle) + "' is needed by enabled modules "
                    + String.join(", ", ids) + ". Disable them first, or " + operation + " with cascade to disable them too.",
                    ids, null);
        }
        return dependents;
    }

    private void refuseCore(Bundle bundle, String operation) throws ModuleException {
        if (ModuleHeader.of(bundle).map(ModuleHeader::core).orElse(false)) {
            throw new ModuleException(Problem.CORE_MODULE, "Module '" + idOf(bundle) + "' is part of the platform core and cannot be "
                    + operation + ".");
        }
    }

    private void rollBack(Bundle bundle, String id) {
        failures.remove(bundle.getBundleId());
        if (bundle.getState() == Bundle.STARTING) {
            // The activator has not returned and holds the bundle's lock, so the framework cannot
            // uninstall it before it does. Rather than keep the caller waiting (and give up when
            // the time limit interrupts the wait), a thread of its own finishes the rollback.
            pendingRollbacks.add(bundle.getLocation());
            Thread finisher = new Thread(() -> uninstallOnceReleased(bundle, id), "nadi-rollback-" + id);
            finisher.setDaemon(true);
            finisher.start();
            return;
        }
        try {
            operations.run("uninstall", id, bundle::uninstall);
            operations.refresh(context, List.of(bundle), id);
        } catch (ModuleException failed) {
            LOG.log(Level.WARNING, "Rolling back module {0}: {1}", id, failed.getMessage());
        }
    }

    /** Blocks until the framework releases the bundle, that is until its activator returns, then uninstalls it. */
    private void uninstallOnceReleased(Bundle bundle, String id) {
        try {
            bundle.uninstall();
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle));
            pendingRollbacks.remove(bundle.getLocation());
            LOG.log(Level.INFO, "Rolled back module {0} once its activator returned", id);
        } catch (BundleException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Rolling back module {0}: {1}", id, e.getMessage());
        }
    }

    /** Removes the refused installs whose removal a stop interrupted; they were never started persistently. */
    private void finishPendingRollbacks() {
        List<Bundle> removed = new ArrayList<>();
        for (String location : pendingRollbacks.locations()) {
            Bundle bundle = context.getBundle(location);
            try {
                if (bundle != null) {
                    bundle.uninstall();
                    removed.add(bundle);
                    LOG.log(Level.INFO, "Removed {0}: its installation was refused before the last stop", location);
                }
                pendingRollbacks.remove(location);
            } catch (BundleException | IllegalStateException e) {
                LOG.log(Level.WARNING, "Cannot remove refused install {0}: {1}", location, e.getMessage());
            }
        }
        if (!removed.isEmpty()) {
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(removed);
        }
    }

    private static ModuleException installRefused(ModuleJar candidate, BundleException refused) {
        if (refused.getType() == BundleException.DUPLICATE_BUNDLE_ERROR) {
            return new ModuleException(Problem.ALREADY_INSTALLED, "Bundle " + candidate.symbolicName() + " " + candidate.version()
                    + " is installed already. Give the new jar a higher Bundle-Version and update the module instead.", refused);
        }
        return new ModuleException(Problem.INVALID_JAR, "Not a valid module jar: the framework refused its manifest: "
                + refused.getMessage(), refused);
    }

    private Bundle bundleOf(String id) throws ModuleException {
        return bundleWithId(id).orElseThrow(() -> new ModuleException(Problem.NOT_FOUND,
                "No module with id '" + id + "' is installed. GET /api/v1/modules lists the installed modules."));
    }

    private Optional<Bundle> bundleWithId(String id) {
        return moduleBundles().stream().filter(bundle -> idOf(bundle).equals(id)).findFirst();
    }

    /**
     * The file in the deploy folder a bundle was installed from. Compared as paths, not as
     * location strings: FileInstall writes {@code file:/dir/x.jar}, {@link Path#toUri()} gives
     * {@code file:///dir/x.jar}.
     */
    private Optional<Path> deployedFile(Bundle bundle) {
        if (deployFolder == null || !bundle.getLocation().startsWith("file:")) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(URI.create(bundle.getLocation())).toAbsolutePath().normalize();
            return file.startsWith(deployFolder) ? Optional.of(file) : Optional.empty();
        } catch (IllegalArgumentException notAFilePath) {
            return Optional.empty();
        }
    }

    @FunctionalInterface
    private interface Operation<T> {
        T run() throws ModuleException;
    }

    private <T> T exclusively(Operation<T> operation) throws ModuleException {
        try {
            if (!oneOperationAtATime.tryLock(operations.limit().toMillis() * 3, TimeUnit.MILLISECONDS)) {
                throw new ModuleException(Problem.BUSY, "Another module operation is still running; try again in a few seconds.");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ModuleException(Problem.BUSY, "Interrupted while waiting for another module operation to finish.");
        }
        try {
            return operation.run();
        } finally {
            oneOperationAtATime.unlock();
        }
    }

    // ---- events --------------------------------------------------------------------------

    private void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        switch (event.getType()) {
            // Events come late: a module refused since is stopped first and then has its reason
            // recorded, so the look at its state and the removal must be one step, or a refusal
            // recorded between them is lost (computeIfPresent is atomic for its key).
            case BundleEvent.STARTED -> failures.computeIfPresent(bundle.getBundleId(),
                    (id, reason) -> bundle.getState() == Bundle.ACTIVE ? null : reason);
            case BundleEvent.UNINSTALLED -> failures.remove(bundle.getBundleId());
            case BundleEvent.INSTALLED, BundleEvent.UPDATED -> {
                if (deployedFile(bundle).isPresent() && ModuleHeader.of(bundle).isPresent()
                        && (event.getType() == BundleEvent.INSTALLED || isEnabled(bundle))) {
                    deployedModuleStarter.execute(() -> startDeployed(bundle));
                }
            }
            default -> {
                // nothing to record
            }
        }
    }

    private void startDeployed(Bundle bundle) {
        try {
            exclusively(() -> {
                if (bundle.getState() != Bundle.UNINSTALLED) {
                    enableWithRequirements(bundle);
                }
                return null;
            });
            LOG.log(Level.INFO, "Enabled module {0} from the deploy folder", idOf(bundle));
        } catch (ModuleException failed) {
            LOG.log(Level.WARNING, "Module from {0} was installed but could not be enabled: {1}", bundle.getLocation(), failed.getMessage());
        }
    }

    private void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null && event.getThrowable() != null) {
            Throwable cause = event.getThrowable().getCause() != null ? event.getThrowable().getCause() : event.getThrowable();
            failures.put(event.getBundle().getBundleId(), "failed to start: " + cause);
        }
    }
}
