package org.nadi.platform.storage.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.api.Routes;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Backup and restore over REST, for administrators.
 *
 * <ul>
 * <li>{@code POST /api/v1/storage/backup} answers a consistent backup of the database as a
 * download ({@code curl -X POST -o nadi.db …}), taken while writes go on.</li>
 * <li>{@code POST /api/v1/storage/restore} takes a backup as the request body (or a
 * multipart upload) and restores it; over a database that holds module data only with
 * {@code ?force=true}, and otherwise answers 409.</li>
 * </ul>
 */
@Component(service = RestResource.class)
public final class StorageResource implements RestResource {

    private static final String BACKUP_TYPE = "application/vnd.sqlite3";
    private static final Set<String> BACKUP_TYPES = Set.of(BACKUP_TYPE, "application/x-sqlite3", "application/octet-stream");
    private static final long MAX_BACKUP_BYTES = 64L * 1024 * 1024 * 1024;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Storage storage;
    private final Path workFolder;

    @Activate
    public StorageResource(BundleContext context, @Reference Storage storage) {
        this.storage = storage;
        this.workFolder = context.getDataFile("backups").toPath();
    }

    @Override
    public void declareRoutes(Routes routes) {
        routes.post("/api/v1/storage/backup", Access.role(Role.ADMINISTRATOR), request -> {
            String name = "nadi-backup-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + ".db";
            Path file;
            try {
                Files.createDirectories(workFolder);
                file = workFolder.resolve("backup-" + UUID.randomUUID() + ".db");
                storage.backup(file);
            } catch (SQLException | IOException failed) {
                throw new ProblemException(503, "backup-failed", "Backup failed", failed.getMessage());
            }
            return ApiResponse.download(new ApiResponse.Download(file, BACKUP_TYPE, name, true));
        });
        routes.post("/api/v1/storage/restore", Access.role(Role.ADMINISTRATOR), request -> {
            boolean force = request.flag("force");
            Path upload = request.uploadedFile(BACKUP_TYPES, MAX_BACKUP_BYTES);
            try {
                storage.restore(upload, force);
            } catch (IllegalStateException needsForce) {
                throw new ProblemException(409, "restore-needs-force", "The database holds data", needsForce.getMessage()
                        + " To do so, send the backup again to POST /api/v1/storage/restore?force=true.");
            } catch (IllegalArgumentException notABackup) {
                throw ProblemException.badRequest(notABackup.getMessage());
            } catch (SQLException | IOException failed) {
                throw new ProblemException(503, "restore-failed", "Restore failed", failed.getMessage());
            }
            return ApiResponse.ok(Map.of("restored", true));
        });
    }
}
