package org.nadi.platform.kernel.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

import org.nadi.platform.kernel.api.ModuleException;
import org.nadi.platform.kernel.api.ModuleHeader;
import org.nadi.platform.kernel.api.ModuleException.Problem;
import org.nadi.platform.kernel.api.ModuleRegistry;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * What a module jar says about itself, read before it is handed to the framework so that a
 * bad upload is refused with a message that says what is wrong.
 *
 * @param symbolicName its {@code Bundle-SymbolicName}
 * @param version      its {@code Bundle-Version}
 * @param module       its {@code NADI-Module} header
 */
record ModuleJar(String symbolicName, Version version, ModuleHeader module) {

    /** Reads and checks the manifest of a jar file. */
    static ModuleJar inspect(Path jar) throws ModuleException {
        try {
            if (Files.size(jar) == 0) {
                throw invalid("the file is empty: send the module's jar file as the request body");
            }
        } catch (IOException e) {
            throw invalid("the file cannot be read: " + e.getMessage());
        }
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (ZipException notAZip) {
            throw invalid("the file is not a jar (zip) archive: build the module with bnd and upload the .jar it produces");
        } catch (IOException malformed) {
            throw invalid("the jar's META-INF/MANIFEST.MF is malformed: " + malformed.getMessage());
        }
        if (manifest == null) {
            throw invalid("the jar has no META-INF/MANIFEST.MF: it is not an OSGi bundle");
        }
        Attributes main = manifest.getMainAttributes();
        String symbolicName = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (symbolicName == null || symbolicName.isBlank()) {
            throw invalid("the manifest has no Bundle-SymbolicName header: it is not an OSGi bundle");
        }
        if (!"2".equals(trim(main.getValue(Constants.BUNDLE_MANIFESTVERSION)))) {
            throw invalid("the manifest must say 'Bundle-ManifestVersion: 2'");
        }
        Version version;
        try {
            version = Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION));
        } catch (IllegalArgumentException e) {
            throw invalid("the Bundle-Version '" + main.getValue(Constants.BUNDLE_VERSION) + "' is not a valid version: "
                    + e.getMessage());
        }
        String header = main.getValue(ModuleRegistry.MODULE_HEADER);
        if (header == null) {
            throw invalid("the bundle '" + symbolicName.split(";")[0].trim() + "' is not a NADI module: add a '"
                    + ModuleRegistry.MODULE_HEADER + ": <id>' header to its manifest");
        }
        ModuleHeader module;
        try {
            module = ModuleHeader.parse(header);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (module.core()) {
            throw invalid("'core=true' is reserved for the platform's own modules, which ship with the distribution");
        }
        return new ModuleJar(symbolicName.split(";")[0].trim(), version, module);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static ModuleException invalid(String why) {
        return new ModuleException(Problem.INVALID_JAR, "Not a valid module jar: " + why + ".");
    }
}
