package org.nadi.platform.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes {@code lib/nadi.jsa}, the class data sharing archive that {@code bin/nadi} hands to the
 * JVM so that it maps the platform's classes (the JDK's, the framework's and every bundle's)
 * already parsed and verified instead of loading them one by one, which is most of start-up.
 *
 * <p>It is a training run of the packaged runtime, made by the build ({@code distribution/pom.xml})
 * right after the distribution folder is assembled, and by anyone who moved or upgraded an
 * installation: {@code java -cp lib/nadi-launcher.jar org.nadi.platform.launcher.ClassDataSharingTraining DIST}.
 * It starts {@code bin/nadi} once to fill a temporary data directory, recording which bundle
 * classes that start loads ({@value ClassPreloader#LIST}, for {@link ClassPreloader}), starts it
 * again on that data with {@code -XX:ArchiveClassesAtExit}, waits for health UP, exercises the
 * module REST API, stops it with SIGTERM and keeps the archive the JVM wrote at exit only if a JVM
 * then starts with it under {@code -Xshare:on}.
 *
 * <p>The archive is valid only for the JVM that wrote it and for the distribution at the path it
 * was written in (JDK 17 records the class path as given); any other JVM ignores it and starts the
 * ordinary way. So the archive is an optimisation and never a requirement: this never fails,
 * it warns and leaves no archive.
 */
public final class ClassDataSharingTraining {

    static final String ARCHIVE = "lib/nadi.jsa";
    private static final Duration READY_LIMIT = Duration.ofSeconds(60);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    private ClassDataSharingTraining() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("Usage: java -cp lib/nadi-launcher.jar " + ClassDataSharingTraining.class.getName() + " DISTRIBUTION_DIR");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath().normalize();
        long started = System.nanoTime();
        try {
            train(home);
            System.out.println("nadi: wrote " + home.resolve(ARCHIVE) + " (" + Files.size(home.resolve(ARCHIVE)) / (1024 * 1024)
                    + " MiB) in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        } catch (IOException | TrainingFailed | RuntimeException failed) {
            System.out.println("[WARNING] nadi: no class data sharing archive, the runtime will start more slowly: " + failed.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            System.out.println("[WARNING] nadi: class data sharing training interrupted; no archive");
        }
    }

    static void train(Path home) throws IOException, InterruptedException, TrainingFailed {
        Path launcher = home.resolve("bin/nadi");
        Path archive = home.resolve(ARCHIVE);
        Path written = home.resolve(ARCHIVE + ".tmp");
        Files.deleteIfExists(archive);
        Files.deleteIfExists(written);
        Files.deleteIfExists(home.resolve(ClassPreloader.LIST));
        if (!Files.isExecutable(launcher)) {
            throw new TrainingFailed(launcher + " is missing or not executable");
        }
        Path work = Files.createTempDirectory("nadi-cds-");
        try {
            Path data = work.resolve("data");
            Path log = work.resolve("runtime.log");
            // First start: fills the data directory, so that the archived run is a warm start, the usual
            // kind, and records which bundle classes start-up loads, for the preloader (see ClassPreloader).
            // Both files are named relative to the JVM's working directory, the temporary one:
            // bin/nadi splits NADI_JAVA_OPTS at spaces, which the distribution's path may contain.
            runOnce(launcher, data, log, "-Xlog:class+load=info:file=class-load.log", false);
            writeClassList(home, work.resolve("class-load.log"));
            runOnce(launcher, data, log, "-XX:ArchiveClassesAtExit=nadi.jsa", true);
            Path dumped = work.resolve("nadi.jsa");
            if (!Files.isRegularFile(dumped) || Files.size(dumped) == 0) {
                throw new TrainingFailed("the JVM wrote no archive at exit" + tail(log));
            }
            // Copied under another name and then renamed, so that no JVM ever maps a partial archive.
            Files.copy(dumped, written, StandardCopyOption.REPLACE_EXISTING);
            Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // An archive this JVM cannot map would be ignored at every start; one it cannot read would crash it.
            int check = run(List.of(launcher.toString(), "--help"), work, log, "-Xshare:on").waitFor();
            if (check != 0) {
                Files.deleteIfExists(archive);
                throw new TrainingFailed("a JVM cannot start with the archive it wrote (exit status " + check + ")" + tail(log));
            }
        } finally {
            Files.deleteIfExists(written);
            deleteTree(work);
        }
    }

    /**
     * Writes {@link ClassPreloader#LIST}: the classes the platform's bundles defined during the first
     * start, in the order they were loaded, each as the bundle's file name and the class name. The
     * JVM logs each as {@code [0.123s][info][class,load] a.b.C source: file:/.../bundles/x.jar}.
     */
    static void writeClassList(Path home, Path classLoadLog) throws IOException, TrainingFailed {
        Set<String> bundleFiles = new HashSet<>();
        try (Stream<Path> files = Files.list(home.resolve("bundles"))) {
            files.forEach(file -> bundleFiles.add(file.getFileName().toString()));
        }
        Set<String> lines = new LinkedHashSet<>();
        for (String line : Files.readAllLines(classLoadLog, StandardCharsets.UTF_8)) {
            int source = line.indexOf(" source: file:");
            int name = line.lastIndexOf("] ", source) + 2;
            if (source < 0 || name < 2 || !line.endsWith(".jar")) {
                continue;
            }
            String file = line.substring(line.lastIndexOf('/') + 1);
            if (bundleFiles.contains(file)) {
                lines.add(file + " " + line.substring(name, source));
            }
        }
        Path list = home.resolve(ClassPreloader.LIST);
        Path written = home.resolve(ClassPreloader.LIST + ".tmp");
        if (lines.isEmpty()) {
            throw new TrainingFailed("the first start loaded no bundle class from " + home.resolve("bundles"));
        }
        Files.write(written, lines, StandardCharsets.UTF_8);
        Files.move(written, list, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Starts the runtime, waits until it is healthy, uses the module API, and stops it with SIGTERM. */
    private static void runOnce(Path launcher, Path data, Path log, String javaOptions, boolean exercise)
            throws IOException, InterruptedException, TrainingFailed {
        for (int attempt = 1; ; attempt++) {
            try {
                runOnce(launcher, data, log, javaOptions, exercise, freePort());
                return;
            } catch (PortTaken taken) {
                // Another program took the free port before the runtime bound it (a shared build machine).
                if (attempt == 3) {
                    throw new TrainingFailed(taken.getMessage() + tail(log));
                }
            }
        }
    }

    private static void runOnce(Path launcher, Path data, Path log, String javaOptions, boolean exercise, int port)
            throws IOException, InterruptedException, TrainingFailed, PortTaken {
        long logged = Files.exists(log) ? Files.size(log) : 0;
        Process runtime = run(List.of(launcher.toString(), "--port", Integer.toString(port), "--data", data.toString()),
                data.getParent(), log, javaOptions);
        try {
            Instant deadline = Instant.now().plus(READY_LIMIT);
            // Ready when this process says so: a 200 alone could come from another program on the port.
            while (request(port, "GET", "/api/v1/health") != 200 || !saysReady(log, logged, port)) {
                if (!runtime.isAlive()) {
                    if (runtime.exitValue() == 1 && logSince(log, logged).contains("Cannot listen on")) {
                        throw new PortTaken("port " + port + " was taken");
                    }
                    throw new TrainingFailed("the runtime exited with status " + runtime.exitValue() + tail(log));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new TrainingFailed("the runtime was not healthy within " + READY_LIMIT.toSeconds() + " s" + tail(log));
                }
                Thread.sleep(20);
            }
            if (exercise) {
                request(port, "GET", "/api/v1/modules");
                request(port, "GET", "/api/v1/modules/example");
                request(port, "GET", "/api/v1/example/greeting");
                request(port, "POST", "/api/v1/modules/example/disable");
                request(port, "POST", "/api/v1/modules/example/enable");
                request(port, "GET", "/api/v1/health");
            }
        } finally {
            runtime.destroy(); // SIGTERM: the JVM runs its shutdown hooks, then writes the archive
            if (!runtime.waitFor(STOP_LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                runtime.destroyForcibly();
                runtime.waitFor();
                throw new TrainingFailed("the runtime did not stop within " + STOP_LIMIT.toSeconds() + " s of SIGTERM" + tail(log));
            }
        }
    }

    private static boolean saysReady(Path log, long from, int port) throws IOException {
        return logSince(log, from).lines().anyMatch(line -> line.contains("NADI Platform ready at ") && line.contains(":" + port + "/ in "));
    }

    private static String logSince(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), StandardCharsets.UTF_8);
    }

    private static Process run(List<String> command, Path directory, Path log, String javaOptions) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile()) // where a crashing JVM would leave its hs_err file
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("NADI_JAVA_OPTS", javaOptions);
        builder.environment().remove("NADI_HTTP_PORT");
        Files.createDirectories(directory);
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** The status of an HTTP request to the runtime on the loopback address, or -1 if nothing answers. */
    static int request(int port, String method, String path) {
        return LocalHttp.status("127.0.0.1", port, method, path, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "; the runtime said:\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException leftBehind) {
            // A temporary directory; the system cleans it up eventually.
        }
    }

    /** The runtime could not listen on the port it was given. */
    private static final class PortTaken extends Exception {
        private static final long serialVersionUID = 1L;

        PortTaken(String message) {
            super(message);
        }
    }

    /** Why no archive was made. */
    static final class TrainingFailed extends Exception {
        private static final long serialVersionUID = 1L;

        TrainingFailed(String message) {
            super(message);
        }
    }
}
