package org.nadi.platform.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.sqlite.util.OSInfo;

/**
 * Keeps the SQLite driver's native library in the storage's data area and points the driver at
 * it with its documented {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} properties.
 *
 * <p>Left to itself, the driver works out the platform at every start (it runs {@code uname}
 * and reads every file the process has mapped), then copies the library out of its jar into a
 * temporary file and compares the two: some 50 ms of every start. This does that once per
 * driver version and platform. An administrator who sets the properties keeps control; if the
 * kept copy cannot be loaded, the driver falls back to its own way.
 */
final class SqliteNativeLibrary {

    private static final System.Logger LOG = System.getLogger(SqliteNativeLibrary.class.getName());
    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {
    }

    static void useKeptCopy(Path folder) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        Bundle driver = FrameworkUtil.getBundle(org.sqlite.JDBC.class);
        if (driver == null) {
            return; // not running in a framework (unit tests): the driver finds the library itself
        }
        String name = System.mapLibraryName("sqlitejdbc");
        Path platformFolder = folder.resolve(driver.getVersion() + "-" + System.getProperty("os.name").replace(' ', '_')
                + "-" + System.getProperty("os.arch"));
        Path library = platformFolder.resolve(name);
        try {
            if (!Files.isRegularFile(library)) {
                URL entry = driver.getEntry("org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name);
                if (entry == null) {
                    return;
                }
                Files.createDirectories(platformFolder);
                Path partial = Files.createTempFile(platformFolder, name, ".partial");
                try (InputStream in = entry.openStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            System.setProperty(PATH_PROPERTY, platformFolder.toString());
            System.setProperty(NAME_PROPERTY, name);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot keep SQLite's native library in {0} ({1}); the driver extracts it at every start",
                    platformFolder, e.getMessage());
        }
    }
}
