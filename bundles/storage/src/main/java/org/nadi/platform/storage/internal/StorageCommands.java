package org.nadi.platform.storage.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

import org.nadi.platform.kernel.api.AuditEntry;
import org.nadi.platform.kernel.api.AuditTrail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Backup and restore from the Gogo shell: {@code nadi:backup FILE},
 * {@code nadi:restore [--force] FILE}. Each answers one line; a refusal starts with
 * {@code error:} and says why. Both go to the audit trail, made by {@code console}.
 */
@Component(service = StorageCommands.class, property = {
        "osgi.command.scope=nadi",
        "osgi.command.function=backup",
        "osgi.command.function=restore" })
public final class StorageCommands {

    private static final String FORCE = "--force";

    private final Storage storage;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;

    @Activate
    public StorageCommands(@Reference Storage storage) {
        this.storage = storage;
    }

    /** {@code nadi:backup FILE}: a consistent copy of the database, taken while writes go on. */
    public String backup(String file) {
        Path target = Path.of(file).toAbsolutePath();
        try {
            storage.backup(target);
            record("nadi:backup " + target);
            return "backed up to " + target;
        } catch (SQLException | IOException | RuntimeException failed) {
            return "error: " + failed.getMessage();
        }
    }

    /** {@code nadi:restore FILE}: restores a backup into a database that holds no module data. */
    public String restore(String file) {
        return restore(Path.of(file).toAbsolutePath(), false);
    }

    /** {@code nadi:restore --force FILE}: replaces all data with the backup. */
    public String restore(String option, String file) {
        if (!FORCE.equals(option)) {
            return "error: unknown option '" + option + "'; usage: nadi:restore [--force] FILE";
        }
        return restore(Path.of(file).toAbsolutePath(), true);
    }

    private String restore(Path file, boolean force) {
        try {
            storage.restore(file, force);
            record("nadi:restore " + (force ? FORCE + " " : "") + file);
            return "restored from " + file;
        } catch (IllegalStateException notWithoutForce) {
            return "error: " + notWithoutForce.getMessage() + " To do so, use nadi:restore --force " + file;
        } catch (SQLException | IOException | RuntimeException failed) {
            return "error: " + failed.getMessage();
        }
    }

    private void record(String command) {
        AuditTrail trail = audit;
        if (trail != null) {
            trail.record(AuditEntry.console("storage", command, "database", "", "", ""));
        }
    }
}
