package org.nadi.platform.storage.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Backup and restore from the Gogo shell: {@code nadi:backup FILE},
 * {@code nadi:restore [--force] FILE}. Each answers one line; a refusal starts with
 * {@code error:} and says why.
 */
@Component(service = StorageCommands.class, property = {
        "osgi.command.scope=nadi",
        "osgi.command.function=backup",
        "osgi.command.function=restore" })
public final class StorageCommands {

    private static final String FORCE = "--force";

    private final Storage storage;

    @Activate
    public StorageCommands(@Reference Storage storage) {
        this.storage = storage;
    }

    /** {@code nadi:backup FILE}: a consistent copy of the database, taken while writes go on. */
    public String backup(String file) {
        Path target = Path.of(file).toAbsolutePath();
        try {
            storage.backup(target);
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
            return "restored from " + file;
        } catch (IllegalStateException notWithoutForce) {
            return "error: " + notWithoutForce.getMessage() + " To do so, use nadi:restore --force " + file;
        } catch (SQLException | IOException | RuntimeException failed) {
            return "error: " + failed.getMessage();
        }
    }
}
