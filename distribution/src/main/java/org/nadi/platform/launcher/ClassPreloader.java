package org.nadi.platform.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Defines, on a second thread, the bundle classes that start-up is going to need, while the
 * framework's start-level thread activates the bundles one after the other. Most of a start is
 * spent defining classes, and for every class of a bundle that asks for the service loader
 * mediator (Felix HTTP Jetty does) SPI Fly's weaving hook first rewrites the bytecode; done here,
 * that work runs on the other core instead of in line. The list, {@value #LIST}, is written by the
 * build's training run ({@link ClassDataSharingTraining}): the bundle file and class name of each
 * class a start loaded, in order.
 *
 * <p>Loading a class runs none of its code (static initialisers run on first use, as before), so
 * this changes when classes are defined, not what runs. It waits until every extender bundle is
 * active, so that SPI Fly's weaving hook sees every class it would otherwise have seen; it loads
 * only resolved platform bundles that are not modules an administrator can disable; and it skips
 * quietly whatever the list names that is not there. {@code -Dnadi.preload=false} turns it off.
 */
final class ClassPreloader {

    static final String LIST = "lib/nadi.classlist";
    private static final Logger LOG = Logger.getLogger("org.nadi.platform.launcher");
    /** Longer than any extender takes to start; past it, preloading would no longer save anything. */
    private static final long EXTENDER_WAIT_SECONDS = 10;

    private ClassPreloader() {
    }

    /** Starts the preloading thread, if there is a list; returns at once. */
    static void start(BundleContext context, Path home) {
        Path list = home.resolve(LIST);
        if ("false".equals(System.getProperty("nadi.preload")) || !Files.isRegularFile(list)) {
            return;
        }
        Map<String, Bundle> byFile = new HashMap<>();
        List<Bundle> extenders = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            if (bundle.getBundleId() == 0 || !location.startsWith("reference:")) {
                continue;
            }
            if (PlatformBundles.ModuleKind.of(bundle.getHeaders("").get(PlatformBundles.MODULE_HEADER))
                    != PlatformBundles.ModuleKind.MODULE) {
                byFile.put(location.substring(location.lastIndexOf('/') + 1), bundle);
            }
            String provides = bundle.getHeaders("").get(Constants.PROVIDE_CAPABILITY);
            BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
            if (provides != null && provides.contains("osgi.extender") && startLevel != null && startLevel.isPersistentlyStarted()) {
                extenders.add(bundle);
            }
        }
        CountDownLatch extendersActive = new CountDownLatch(1);
        SynchronousBundleListener listener = event -> {
            if (event.getType() == BundleEvent.STARTED && extenders.stream().allMatch(b -> b.getState() == Bundle.ACTIVE)) {
                extendersActive.countDown();
            }
        };
        context.addBundleListener(listener);
        Thread preloader = new Thread(() -> {
            try {
                List<String> classes = Files.readAllLines(list, StandardCharsets.UTF_8);
                if (!extendersActive.await(EXTENDER_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    return;
                }
                preload(classes, byFile);
            } catch (IOException | RuntimeException unexpected) {
                LOG.log(Level.FINE, "Class preloading stopped", unexpected);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    context.removeBundleListener(listener);
                } catch (IllegalStateException frameworkStopped) {
                    // nothing to remove any more
                }
            }
        }, "nadi-class-preloader");
        preloader.setDaemon(true);
        preloader.start();
    }

    private static void preload(List<String> classes, Map<String, Bundle> byFile) {
        for (String line : classes) {
            int space = line.indexOf(' ');
            Bundle bundle = space < 0 ? null : byFile.get(line.substring(0, space));
            if (bundle == null) {
                continue;
            }
            int state = bundle.getState();
            if (state == Bundle.UNINSTALLED) {
                return; // the framework is going away
            }
            if ((state & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) == 0) {
                continue; // not resolved: loading would only repeat the resolver's complaint
            }
            try {
                bundle.loadClass(line.substring(space + 1));
            } catch (ClassNotFoundException | LinkageError | IllegalStateException gone) {
                // A class the list names that this bundle no longer has, or the bundle stopped: skip it.
            }
        }
    }
}
