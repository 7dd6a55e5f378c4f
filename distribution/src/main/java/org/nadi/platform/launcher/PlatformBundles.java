package org.nadi.platform.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Keeps the framework's installed platform bundles in step with the distribution's
 * {@code bundles/} folder: installs what is new, updates what changed, uninstalls what is gone.
 * Bundles are installed by reference, so the framework reads them where they are.
 *
 * <p>A bundle installed here is started once, when first installed; after that the framework's
 * persistent state decides, so a module an administrator disabled stays disabled. The launcher
 * remembers what it installed (in the data directory), so a platform module an administrator
 * uninstalled is not installed again at the next start; nor is one of which an administrator
 * uploaded the same version.
 */
final class PlatformBundles {

    /** Infrastructure, the kernel and the web bundle. */
    static final int CORE_START_LEVEL = 1;
    /** Modules, and FileInstall: the deploy folder is scanned once the platform's own modules run. */
    static final int MODULE_START_LEVEL = 2;

    /**
     * What a bundle is to the launcher, from its {@code NADI-Module} header. The kernel parses
     * and validates that header (org.nadi.platform.kernel.api.ModuleHeader); the launcher runs
     * before any bundle and only needs to tell the three apart.
     */
    enum ModuleKind {
        /** No header: infrastructure or a library. */
        NONE,
        /** {@code NADI-Module: id; core=true}: the platform's own, never disabled. */
        CORE,
        /** {@code NADI-Module: id}: a module an administrator may disable. */
        MODULE;

        static ModuleKind of(String header) {
            if (header == null) {
                return NONE;
            }
            return header.replace(" ", "").contains(";core=true") ? CORE : MODULE;
        }
    }

    static final String MODULE_HEADER = "NADI-Module";
    private static final String REFERENCE = "reference:";
    private static final String FILE_INSTALL = "org.apache.felix.fileinstall";

    private PlatformBundles() {
    }

    /**
     * @param record the file that lists the locations the launcher installed at earlier starts
     */
    static void synchronise(BundleContext context, Path folder, Path record) throws IOException, BundleException {
        Map<String, Bundle> installed = new HashMap<>();
        Set<String> others = new HashSet<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(REFERENCE)) {
                installed.put(bundle.getLocation(), bundle);
            } else {
                others.add(bundle.getSymbolicName() + ":" + bundle.getVersion());
            }
        }
        Set<String> installedBefore = Files.exists(record) ? new HashSet<>(Files.readAllLines(record)) : Set.of();
        Set<String> installedNow = new TreeSet<>();
        Map<Path, Attributes> manifests = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).toList()) {
                manifests.put(jar, manifestOf(jar));
            }
        }
        // Within a start level the framework starts bundles in the order they were installed.
        List<Path> jars = manifests.keySet().stream()
                .sorted(Comparator.comparing((Path jar) -> installOrder(manifests.get(jar))).thenComparing(Path::getFileName))
                .toList();
        for (Path jar : jars) {
            String location = REFERENCE + jar.toAbsolutePath().normalize().toUri();
            Bundle bundle = installed.remove(location);
            Attributes manifest = manifests.get(jar);
            if (bundle == null && (installedBefore.contains(location) || others.contains(identityOf(manifest)))) {
                // Uninstalled by an administrator, or replaced by an uploaded copy of the same version.
                installedNow.add(location);
                continue;
            }
            installedNow.add(location);
            if (bundle == null) {
                bundle = context.installBundle(location);
                bundle.adapt(BundleStartLevel.class).setStartLevel(startLevelOf(manifest));
                if (manifest.getValue(Constants.FRAGMENT_HOST) == null) {
                    bundle.start();
                }
            } else if (Files.getLastModifiedTime(jar).toMillis() > bundle.getLastModified()) {
                bundle.update();
            }
        }
        for (Bundle removed : installed.values()) {
            removed.uninstall();
        }
        Files.write(record, installedNow);
    }

    /** A bundle's symbolic name and version as the framework writes them, e.g. {@code org.nadi.platform.example:0.1.0.2026}. */
    private static String identityOf(Attributes manifest) {
        String version = manifest.getValue(Constants.BUNDLE_VERSION);
        return symbolicName(manifest) + ":" + Version.parseVersion(version == null ? "0" : version.trim());
    }

    /**
     * Extenders (Declarative Services, the service loader mediator) start first so that they
     * see every bundle start; then bundles that only provide {@code java.util.ServiceLoader}
     * services without consuming any (the slf4j provider), so that those are registered before
     * a consumer such as Jetty first looks them up; then the platform's core modules, so that
     * work they start in the background (the storage opening the database) overlaps the start of
     * the rest (Jetty); then everything else.
     */
    private static int installOrder(Attributes manifest) {
        String provides = String.valueOf(manifest.getValue(Constants.PROVIDE_CAPABILITY));
        String requires = String.valueOf(manifest.getValue(Constants.REQUIRE_CAPABILITY));
        if (provides.contains("osgi.extender")) {
            return 0;
        }
        if (provides.contains("osgi.serviceloader") && !requires.contains("osgi.serviceloader.processor")) {
            return 1;
        }
        return ModuleKind.of(manifest.getValue(MODULE_HEADER)) == ModuleKind.CORE ? 2 : 3;
    }

    private static int startLevelOf(Attributes manifest) {
        boolean platformModule = ModuleKind.of(manifest.getValue(MODULE_HEADER)) == ModuleKind.MODULE;
        return platformModule || FILE_INSTALL.equals(symbolicName(manifest)) ? MODULE_START_LEVEL : CORE_START_LEVEL;
    }

    private static String symbolicName(Attributes manifest) {
        String value = manifest.getValue(Constants.BUNDLE_SYMBOLICNAME);
        return value == null ? "" : value.split(";")[0].trim();
    }

    private static Attributes manifestOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes();
        }
    }
}
