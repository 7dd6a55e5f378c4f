package org.nadi.platform.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.felix.framework.Felix;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

/**
 * Starts the NADI Platform: an Apache Felix framework with the distribution's bundles, until
 * it is stopped (SIGTERM, Ctrl-C, or {@code stop 0} in the shell).
 */
public final class Main {

    private static final Logger LOG = Logger.getLogger("org.nadi.platform.launcher");
    /** Held so that their levels are not lost when the loggers are garbage-collected. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.eclipse.jetty"), Logger.getLogger("org.apache.aries.spifly"));
    private static final Duration STOP_LIMIT = Duration.ofMillis(1500);
    private static final Duration READY_LIMIT = Duration.ofSeconds(60);
    /** The framework property that makes a demo run, and the kernel's start-up loader's service property. */
    private static final String DEMO_PROPERTY = "nadi.demo";
    private static final String DEMO_STARTUP_LOADER = "nadi.demo.startup";

    private Main() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("nadi.home", ".")).toAbsolutePath().normalize();
        Settings settings;
        try {
            settings = Settings.load(home, args, System.getenv(), Boolean.getBoolean("nadi.interactive"));
        } catch (IllegalArgumentException wrong) {
            System.err.println("nadi: " + wrong.getMessage());
            System.err.println(Settings.USAGE);
            System.exit(2);
            return;
        }
        if (settings.help()) {
            System.out.println(Settings.USAGE);
            return;
        }
        configureLogging(settings.logLevel());
        try {
            System.exit(run(settings));
        } catch (StartupFailure failure) {
            LOG.severe(failure.getMessage());
            System.exit(1);
        }
    }

    /** Runs the framework until it stops; answers the process exit status. */
    static int run(Settings settings) throws StartupFailure {
        requirePortFree(settings);
        boolean demoRun = settings.demo() && isNew(settings.dataDirectory());
        if (settings.demo() && !demoRun) {
            LOG.warning("--demo only fills a new data directory, and " + settings.dataDirectory()
                    + " has data already: starting without demo data. Start with --demo --data NEWDIR for a demo,"
                    + " or type nadi:demo in the shell to add the demo data to this one.");
        }
        Framework framework = new Felix(frameworkProperties(settings, demoRun));
        try {
            Files.createDirectories(settings.dataDirectory());
            Files.createDirectories(settings.deployDirectory());
            framework.init();
        } catch (IOException | BundleException | IllegalStateException e) {
            throw new StartupFailure("Cannot start with data directory " + settings.dataDirectory() + ": " + e.getMessage()
                    + ". Is another NADI runtime using it? Start with --data DIR to use another.");
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            stop(framework);
        }, "nadi-shutdown"));
        try {
            PlatformBundles.synchronise(framework.getBundleContext(), settings.home().resolve("bundles"),
                    settings.dataDirectory().resolve("platform-bundles"));
            ClassPreloader.start(framework.getBundleContext(), settings.home());
            framework.start();
        } catch (IOException | BundleException | IllegalStateException e) {
            if (stopping.get()) {
                // SIGTERM or Ctrl-C while starting: the shutdown hook is stopping the framework under our feet.
                return 0;
            }
            stop(framework);
            throw new StartupFailure("Cannot install the platform bundles from " + settings.home().resolve("bundles") + ": "
                    + e.getMessage());
        }
        announceWhenReady(settings, demoRun ? () -> loadDemoData(framework.getBundleContext()) : () -> { });
        try {
            FrameworkEvent stopped = framework.waitForStop(0);
            return stopped.getType() == FrameworkEvent.ERROR ? 1 : 0;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * @param demoRun whether the kernel is to load every enabled module's demo data: asked for
     *                with --demo, and the data directory is new
     */
    static Map<String, String> frameworkProperties(Settings settings, boolean demoRun) {
        // Every nadi.* setting reaches the platform's bundles; those the launcher resolves
        // (data directory, timeout) are put again below with their final values.
        Map<String, String> properties = new HashMap<>(settings.platformProperties());
        properties.put(Constants.FRAMEWORK_STORAGE, settings.dataDirectory().resolve("framework").toString());
        properties.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(PlatformBundles.MODULE_START_LEVEL));
        properties.put("felix.startlevel.bundle", Integer.toString(PlatformBundles.MODULE_START_LEVEL));
        properties.put("felix.log.level", switch (settings.logLevel()) {
            case "ERROR" -> "1";
            case "WARNING" -> "2";
            case "INFO" -> "2";
            default -> "4";
        });
        properties.put("org.osgi.service.http.port", Integer.toString(settings.httpPort()));
        properties.put("org.apache.felix.http.host", settings.httpHost());
        properties.put("org.apache.felix.http.name", "NADI Platform");
        properties.put("felix.fileinstall.dir", settings.deployDirectory().toString());
        // The kernel starts deployed modules itself, with a time limit and error reporting.
        properties.put("felix.fileinstall.bundles.new.start", "false");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.poll", "1000");
        properties.put("felix.fileinstall.log.level", "2");
        properties.put("gosh.args", settings.interactive() ? "" : "--nointeractive");
        properties.put("nadi.data.dir", settings.dataDirectory().toString());
        properties.put("nadi.module.timeout.ms", Long.toString(settings.moduleTimeoutMillis()));
        // Only the launcher makes a demo run: a nadi.demo in conf/nadi.properties must not.
        if (demoRun) {
            properties.put(DEMO_PROPERTY, "true");
        } else {
            properties.remove(DEMO_PROPERTY);
        }
        return properties;
    }

    private static void requirePortFree(Settings settings) throws StartupFailure {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(settings.httpHost()), settings.httpPort()));
        } catch (IOException inUse) {
            throw new StartupFailure("Cannot listen on " + settings.httpHost() + ":" + settings.httpPort() + " (" + inUse.getMessage()
                    + "). Another program uses the port: start with --port N or set NADI_HTTP_PORT.");
        }
    }

    /** A data directory that does not exist yet, or is empty: nothing in it that demo data could mix with. */
    static boolean isNew(Path dataDirectory) throws StartupFailure {
        if (!Files.exists(dataDirectory)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dataDirectory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new StartupFailure("Cannot read the data directory " + dataDirectory + ": " + e.getMessage());
        }
    }

    /**
     * Has the kernel load every enabled module's demo data, through the start-up loader it offers
     * in a demo run (a {@code Supplier<String>}: a type the launcher and the bundles share), and
     * logs its summary. The kernel logs each module's line.
     */
    private static void loadDemoData(BundleContext context) {
        try {
            ServiceReference<?>[] loaders = context.getServiceReferences(Supplier.class.getName(), "(" + DEMO_STARTUP_LOADER + "=true)");
            if (loaders == null) {
                LOG.warning("--demo: the kernel offers no demo data loader, so no demo data was loaded");
                return;
            }
            Object loader = context.getService(loaders[0]);
            try {
                LOG.info(String.valueOf(((Supplier<?>) loader).get()));
            } finally {
                context.ungetService(loaders[0]);
            }
        } catch (InvalidSyntaxException | RuntimeException e) {
            LOG.log(Level.WARNING, "--demo: loading the demo data failed: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the health endpoint answers 200, runs what must happen before the runtime is
     * ready (the demo data), and logs the one line that says the runtime is ready.
     */
    private static void announceWhenReady(Settings settings, Runnable beforeReady) {
        String url = "http://" + (settings.httpHost().equals("0.0.0.0") ? "localhost" : settings.httpHost()) + ":"
                + settings.httpPort() + "/";
        Instant deadline = Instant.now().plus(READY_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (healthStatus(settings) == 200) {
                beforeReady.run();
                // The JVM's own start time: the process start time the kernel reports is rounded to the boot
                // second, which put this figure off by up to a second.
                long started = ManagementFactory.getRuntimeMXBean().getStartTime();
                LOG.info("NADI Platform ready at " + url + " in " + (System.currentTimeMillis() - started) + " ms");
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // The modules that do run still get their demo data.
        beforeReady.run();
        LOG.warning("NADI Platform is running at " + url + " but not healthy after " + READY_LIMIT.toSeconds()
                + " s; GET " + url + "api/v1/health says why.");
    }

    /** The status of GET /api/v1/health, or -1 if nothing answers yet. */
    private static int healthStatus(Settings settings) {
        String host = settings.httpHost().equals("0.0.0.0") ? "127.0.0.1" : settings.httpHost();
        return LocalHttp.status(host, settings.httpPort(), "GET", "/api/v1/health", Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(STOP_LIMIT.toMillis());
        } catch (BundleException | InterruptedException e) {
            // Exiting anyway: the framework's persistent state is written as each change happens.
        }
    }

    private static void configureLogging(String level) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$-7s [%3$s] %5$s%6$s%n");
        }
        Logger root = Logger.getLogger("");
        Level julLevel = switch (level) {
            case "ERROR" -> Level.SEVERE;
            case "WARNING" -> Level.WARNING;
            case "DEBUG" -> Level.FINE;
            default -> Level.INFO;
        };
        root.setLevel(julLevel);
        for (var handler : root.getHandlers()) {
            handler.setLevel(julLevel);
        }
        // Jetty's and SPI Fly's INFO lines (versions, providers) say nothing an administrator needs.
        for (Logger quiet : QUIET) {
            quiet.setLevel(julLevel == Level.FINE ? Level.FINE : Level.WARNING);
        }
    }

    /** The runtime cannot start; the message says why and what to do. */
    static final class StartupFailure extends Exception {
        private static final long serialVersionUID = 1L;

        StartupFailure(String message) {
            super(message);
        }
    }
}
