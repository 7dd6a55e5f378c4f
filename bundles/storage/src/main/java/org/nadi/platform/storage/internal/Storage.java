package org.nadi.platform.storage.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.nadi.platform.kernel.api.ModuleCondition;
import org.nadi.platform.kernel.api.ModuleDataHolder;
import org.nadi.platform.kernel.api.ModuleHeader;
import org.nadi.platform.storage.api.Database;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;

/**
 * The platform database and the modules' schemas. Opens the database, and applies a module's
 * pending migrations as the module starts: the bundle tracker is told synchronously while the
 * bundle is STARTING, before its activator runs and before its components are activated, both
 * when an administrator enables it and when the framework restarts enabled modules.
 *
 * <p>As a {@link ModuleCondition} it tells the kernel which modules' migrations failed, so
 * that they are reported {@code FAILED} with the migration's error. As a
 * {@link ModuleDataHolder} it tells the kernel which modules have tables, and drops them when
 * an administrator uninstalls a module with its data.
 */
@Component(service = {Storage.class, ModuleCondition.class, ModuleDataHolder.class}, immediate = true)
public final class Storage implements ModuleCondition, ModuleDataHolder {

    private static final System.Logger LOG = System.getLogger(Storage.class.getName());

    private final Store store;
    private final SchemaMigrations migrations;
    private final ModuleTables tables;
    /** Why a started module's schema is not up to date, by bundle id. */
    private final Map<Long, String> problems = new ConcurrentHashMap<>();
    private final BundleTracker<String> modules;

    @Activate
    public Storage(BundleContext context) throws SQLException {
        StorageSettings settings = StorageSettings.from(context::getProperty, System.getenv(),
                context.getDataFile("").toPath());
        if (settings.isSqlite()) {
            SqliteNativeLibrary.useKeptCopy(context.getDataFile("native").toPath());
        }
        this.store = new Store(settings);
        this.migrations = new SchemaMigrations(store);
        this.tables = new ModuleTables(store);
        LOG.log(Level.INFO, "Platform database: {0}", settings);
        this.modules = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public String addingBundle(Bundle bundle, BundleEvent event) {
                Optional<String> id = moduleIdOf(bundle);
                id.ifPresent(module -> migrate(bundle, module));
                return id.orElse(null);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, String module) {
                problems.remove(bundle.getBundleId());
            }
        };
        modules.open();
    }

    @Deactivate
    void deactivate() {
        modules.close();
        store.close();
    }

    Store store() {
        return store;
    }

    @Override
    public Optional<String> problem(Bundle module) {
        return migrationProblem(module);
    }

    Optional<String> migrationProblem(Bundle module) {
        return Optional.ofNullable(problems.get(module.getBundleId()));
    }

    /** The module id of a bundle, if it is a module. */
    Optional<String> moduleIdOf(Bundle bundle) {
        return ModuleHeader.of(bundle).map(ModuleHeader::id);
    }

    private void migrate(Bundle bundle, String module) {
        Optional<String> problem;
        try {
            problem = migrations.apply(module, migrationsOf(bundle));
        } catch (IllegalArgumentException | IOException badFile) {
            problem = Optional.of(badFile.getMessage());
        }
        if (problem.isPresent()) {
            problems.put(bundle.getBundleId(), problem.get());
            LOG.log(Level.ERROR, "Module {0}: {1}", module, problem.get());
        } else {
            problems.remove(bundle.getBundleId());
        }
    }

    /** The migrations inside a bundle, read from its entries (no class loading, no resolving needed). */
    static List<MigrationFile> migrationsOf(Bundle bundle) throws IOException {
        List<MigrationFile> files = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(MigrationFile.FOLDER, "*.sql", false);
        if (entries == null) {
            return files;
        }
        while (entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            String path = entry.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(entry.openStream(), StandardCharsets.UTF_8))) {
                files.add(MigrationFile.of(name, in.lines().collect(Collectors.joining("\n"))));
            }
        }
        return files;
    }

    // ---- modules' data --------------------------------------------------------------------

    @Override
    public Optional<String> dataOf(String moduleId) {
        try {
            List<String> owned = tables.of(moduleId);
            if (!owned.isEmpty()) {
                return Optional.of("tables " + String.join(", ", owned));
            }
            return tables.hasMigrations(moduleId) ? Optional.of("its record of applied migrations") : Optional.empty();
        } catch (SQLException unreadable) {
            // Better to ask the administrator than to assume there is nothing to lose.
            return Optional.of("data in the platform database, which cannot be listed just now (" + unreadable.getMessage() + ")");
        }
    }

    @Override
    public void drop(String moduleId) {
        try {
            tables.drop(moduleId);
            LOG.log(Level.INFO, "Dropped the tables of module {0}", moduleId);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed.getMessage(), failed);
        }
    }

    // ---- administration ------------------------------------------------------------------

    /** Writes a consistent backup of the database to a new file. */
    void backup(Path file) throws SQLException, IOException {
        store.backup(file);
        LOG.log(Level.INFO, "Backed up the platform database to {0}", file.toAbsolutePath());
    }

    /**
     * Replaces the database with a backup, then brings the schemas of the running modules up to
     * date again (the backup may predate some of their migrations) and restarts the modules that
     * use the database, so that nothing they keep in memory (the accounts, say) predates it.
     */
    void restore(Path file, boolean force) throws SQLException, IOException {
        Map<Bundle, String> running = modules.getTracked();
        Set<String> platformPrefixes = running.keySet().stream()
                .flatMap(bundle -> ModuleHeader.of(bundle).filter(ModuleHeader::core).stream())
                .map(header -> SchemaMigrations.tablePrefix(header.id()))
                .collect(Collectors.toSet());
        store.restore(file, force, platformPrefixes);
        LOG.log(Level.WARNING, "Restored the platform database from {0}", file.toAbsolutePath());
        running.forEach(this::migrate);
        running.keySet().stream().filter(Storage::usesTheDatabase).forEach(Storage::restart);
    }

    private static boolean usesTheDatabase(Bundle bundle) {
        ServiceReference<?>[] used = bundle.getServicesInUse();
        if (used == null) {
            return false;
        }
        for (ServiceReference<?> service : used) {
            if (List.of((String[]) service.getProperty(Constants.OBJECTCLASS)).contains(Database.class.getName())) {
                return true;
            }
        }
        return false;
    }

    /** Stops and starts a module for this run only: whether it is enabled stays as it was. */
    private static void restart(Bundle bundle) {
        try {
            bundle.stop(Bundle.STOP_TRANSIENT);
            bundle.start(Bundle.START_TRANSIENT);
        } catch (BundleException | IllegalStateException failed) {
            LOG.log(Level.ERROR, "Could not restart module " + bundle.getSymbolicName() + " after the restore", failed);
        }
    }
}
