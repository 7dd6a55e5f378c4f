package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One packaged NADI runtime, started as a real process with {@code bin/nadi} from a private
 * copy of the assembled distribution, so that every runtime has its own {@code conf/},
 * {@code deploy/} and {@code data/}.
 *
 * <p>Everything the process writes (standard output and error together) is kept in memory
 * and in a log file under {@code target/it-logs/}; assertion messages include it, so a
 * failing test shows what the runtime said. {@link #close()} always kills the process, so a
 * failed test never leaves a JVM behind.
 */
public final class NadiRuntime implements AutoCloseable {

    /** How long the runtime may take to log that it is ready. The benchmark measures the real figure. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** The administrator every test runtime starts with, and its password (NADI_ADMIN_PASSWORD). */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "integration-tests-admin";

    private final Options options;
    private final Path home;
    private final Path logFile;
    private final StringBuffer output = new StringBuffer();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private int port;
    private Process process;
    private Thread outputReader;
    /** Where in {@link #output} the current process's output begins. */
    private int launchedAt;
    private Writer shellInput;
    private long readyMillis = -1;
    private ApiClient admin;

    private NadiRuntime(Options options) throws IOException {
        this.options = options;
        this.home = Files.createTempDirectory("nadi-it-");
        copyDistribution(distributionFolder(), home);
        if (!options.conf.isEmpty()) {
            StringBuilder more = new StringBuilder("\n# Set by the integration test\n");
            options.conf.forEach((name, value) -> more.append(name).append('=').append(value).append('\n'));
            Files.writeString(home.resolve("conf/nadi.properties"), more, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        for (Path jar : options.deployed) {
            Files.copy(jar, deployFolder().resolve(jar.getFileName()));
        }
        Path logs = Files.createDirectories(testClassesFolder().getParent().resolve("it-logs"));
        this.logFile = Files.createTempFile(logs, options.label + "-", ".log");
    }

    /** Starts a runtime with the distribution's defaults on a free port. */
    public static NadiRuntime start() throws IOException {
        return options().start();
    }

    /** Describes a runtime to start with other arguments, environment or a shell. */
    public static Options options() {
        return new Options();
    }

    /** How to start a runtime. */
    public static final class Options {
        private final List<String> arguments = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<String, String> conf = new LinkedHashMap<>();
        private final List<Path> deployed = new ArrayList<>();
        private boolean portFromEnvironment;
        private boolean shell;
        private String label = "nadi";

        private Options() {
            environment.put("NADI_ADMIN_PASSWORD", ADMIN_PASSWORD);
        }

        /** Names the log file, to tell the runtimes of different tests apart. */
        public Options label(String name) {
            this.label = name;
            return this;
        }

        /** Extra command-line arguments for {@code bin/nadi}. */
        public Options arguments(String... more) {
            arguments.addAll(List.of(more));
            return this;
        }

        /** A setting added to the runtime's {@code conf/nadi.properties}. */
        public Options conf(String name, String value) {
            conf.put(name, value);
            return this;
        }

        /** A jar put into the runtime's deploy folder before its first start. */
        public Options deployed(Path jar) {
            deployed.add(jar);
            return this;
        }

        /** Starts without NADI_ADMIN_PASSWORD, so that the first start makes a random administrator password. */
        public Options withoutAdminPassword() {
            environment.remove("NADI_ADMIN_PASSWORD");
            return this;
        }

        public Options environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Gives the port in {@code NADI_HTTP_PORT} instead of {@code --port}. */
        public Options portFromEnvironment() {
            this.portFromEnvironment = true;
            return this;
        }

        /**
         * Offers the Gogo shell on standard input, which stays an open pipe for
         * {@link NadiRuntime#shell(String, String)}.
         */
        public Options shell() {
            this.shell = true;
            return environment("NADI_JAVA_OPTS", "-Dnadi.interactive=true");
        }

        /** Starts the runtime and waits until it logs that it is ready. */
        public NadiRuntime start() throws IOException {
            NadiRuntime runtime = new NadiRuntime(this);
            try {
                runtime.launchUntilReady();
                return runtime;
            } catch (IOException | RuntimeException | Error failed) {
                runtime.close();
                throw failed;
            }
        }

        /**
         * Runs {@code bin/nadi} with exactly the given port and waits for it to end by itself:
         * for starts that are meant to be refused.
         */
        public Exit runUntilExit(int givenPort, Duration limit) throws IOException {
            try (NadiRuntime runtime = new NadiRuntime(this)) {
                runtime.port = givenPort;
                runtime.launch();
                try {
                    if (!runtime.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                        fail("bin/nadi did not exit within " + limit.toSeconds() + " s; it said:\n" + runtime.output());
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException(interrupted);
                }
                runtime.awaitOutputDrained();
                return new Exit(runtime.process.exitValue(), runtime.output());
            }
        }
    }

    /** How a process that ended by itself ended. */
    public record Exit(int code, String output) {
    }

    /** How a stop went. */
    public record Stopped(Duration took, int exitCode) {
    }

    // ---- the process ---------------------------------------------------------------------

    private void launchUntilReady() throws IOException {
        // Another program (another test run, a benchmark) may take the free port before the
        // runtime binds it; the launcher then says so and exits, and we try another port.
        for (int attempt = 1; attempt <= 3; attempt++) {
            if (port == 0 || attempt > 1) {
                port = freePort();
            }
            launch();
            if (awaitReadyOrExit()) {
                return;
            }
        }
        fail("Three free ports were taken before the runtime could listen on them. It said:\n" + output());
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/nadi").toString()));
        if (!options.portFromEnvironment) {
            command.addAll(List.of("--port", Integer.toString(port)));
        }
        command.addAll(options.arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().remove("NADI_HTTP_PORT");
        builder.environment().remove("NADI_JAVA_OPTS");
        builder.environment().remove("NADI_ADMIN_PASSWORD");
        builder.environment().putAll(options.environment);
        if (options.portFromEnvironment) {
            builder.environment().put("NADI_HTTP_PORT", Integer.toString(port));
        }
        Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String banner = "---- " + String.join(" ", command) + " ----\n";
        launchedAt = output.length();
        output.append(banner);
        log.write(banner);
        process = builder.start();
        if (options.shell) {
            shellInput = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        } else {
            process.getOutputStream().close();
        }
        InputStream processOutput = process.getInputStream();
        outputReader = new Thread(() -> copyOutput(processOutput, log), "nadi-output-" + port);
        outputReader.setDaemon(true);
        outputReader.start();
    }

    /** True once the ready line appears; false if the launcher gave up because the port was taken. */
    private boolean awaitReadyOrExit() {
        Pattern ready = Pattern.compile("NADI Platform ready at http://localhost:" + port + "/ in (\\d+) ms");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        int searchFrom = launchedAt;
        while (System.nanoTime() < deadline) {
            Matcher line = ready.matcher(output.substring(searchFrom));
            if (line.find()) {
                readyMillis = Long.parseLong(line.group(1));
                return true;
            }
            if (!process.isAlive()) {
                awaitOutputDrained();
                if (output.substring(searchFrom).contains("Cannot listen on")) {
                    return false;
                }
                fail("The runtime exited with code " + process.exitValue() + " before it was ready. It said:\n" + output());
            }
            pause(20);
        }
        fail("The runtime did not log 'NADI Platform ready at http://localhost:" + port + "/ in N ms' within "
                + READY_TIMEOUT.toSeconds() + " s. It said:\n" + output());
        return false;
    }

    private void copyOutput(InputStream from, Writer file) {
        // Characters, not lines: the shell's prompt "g! " ends without a newline.
        try (Reader in = new InputStreamReader(from, StandardCharsets.UTF_8); file) {
            char[] buffer = new char[8192];
            for (int read; (read = in.read(buffer)) != -1;) {
                output.append(buffer, 0, read);
                file.write(buffer, 0, read);
                file.flush();
            }
        } catch (IOException closed) {
            // The process ended; what it wrote is kept.
        }
    }

    /** Waits until the reader thread has copied the last bytes of a process that has ended. */
    private void awaitOutputDrained() {
        try {
            outputReader.join(5000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the runtime as an administrator's {@code kill} or Ctrl-C would (SIGTERM) and waits
     * for the process to end.
     */
    public Stopped stop() {
        long started = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("The runtime did not stop within " + STOP_TIMEOUT.toSeconds() + " s of SIGTERM. It said:\n" + output());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            fail("Interrupted while waiting for the runtime to stop");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        awaitOutputDrained();
        return new Stopped(took, process.exitValue());
    }

    /**
     * Kills the runtime as a crash or {@code kill -9} would (SIGKILL): no shutdown hook runs, no
     * file is closed.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("The runtime did not die within " + STOP_TIMEOUT.toSeconds() + " s of SIGKILL");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            fail("Interrupted while waiting for the runtime to die");
        }
        awaitOutputDrained();
    }

    /** Starts the runtime again on the same folder after {@link #kill()} or {@link #stop()}. */
    public void startAgain() throws IOException {
        launchUntilReady();
    }

    /**
     * Starts the runtime again on the same folder without waiting for the ready line, which an
     * unhealthy runtime does not log: for restarts meant to find a module failing.
     */
    public void startAgainUnhealthy() throws IOException {
        launch();
    }

    /** Stops the runtime and starts it again on the same folder, and so with the same state. */
    public void restart() throws IOException {
        Stopped stopped = stop();
        if (stopped.exitCode() != 0 && stopped.exitCode() != 143) {
            fail("The runtime stopped with exit code " + stopped.exitCode() + ". It said:\n" + output());
        }
        launchUntilReady();
    }

    /**
     * Ends the process if it still runs and deletes the runtime's folder; the log file stays.
     * SIGTERM first, so that the runtime removes what it keeps in the system's temporary folder;
     * SIGKILL if that does not end it soon.
     */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException interrupted) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteRecursively(home);
    }

    // ---- what the runtime is and says ----------------------------------------------------

    public int port() {
        return port;
    }

    /** The runtime's private copy of the distribution. */
    public Path home() {
        return home;
    }

    public Path deployFolder() {
        return home.resolve("deploy");
    }

    public Path logFile() {
        return logFile;
    }

    /** The start-up time the ready line reported, in milliseconds. */
    public long readyMillis() {
        return readyMillis;
    }

    /** Everything the process wrote so far, across restarts. */
    public String output() {
        return output.toString();
    }

    /** What the current process wrote, since the last start or restart. */
    public String outputSinceStart() {
        return output.substring(launchedAt);
    }

    /**
     * Writes one line to the Gogo shell and waits until the output written after it matches
     * {@code answer} (a regular expression searched for, not matched whole).
     *
     * @return the output written after the command, up to and including the answer
     */
    public String shell(String command, String answer) throws IOException {
        if (shellInput == null) {
            throw new IllegalStateException("Start the runtime with options().shell() to use the shell");
        }
        int from = output.length();
        shellInput.write(command + "\n");
        shellInput.flush();
        Pattern expected = Pattern.compile(answer);
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String written = output.substring(from);
            Matcher found = expected.matcher(written);
            if (found.find()) {
                return written.substring(0, found.end());
            }
            pause(20);
        }
        return fail("The shell did not answer '" + command + "' with /" + answer + "/ within " + REQUEST_TIMEOUT.toSeconds()
                + " s. The runtime said:\n" + output());
    }

    // ---- HTTP ----------------------------------------------------------------------------

    /** A client that sends no credentials. */
    public ApiClient anonymous() {
        return new ApiClient(this, Map.of());
    }

    /**
     * A client signed in as the administrator {@code admin} with a bearer token, created at
     * the first call. After a restore replaced the accounts, call {@link #signInAgain()}.
     * Threads that ask at once share one sign-in: several at once would each check the password,
     * and the runtime turns away more than a few password checks at a time (503).
     */
    public synchronized ApiClient admin() {
        if (admin == null) {
            admin = withToken(ADMIN, ADMIN_PASSWORD);
        }
        return admin;
    }

    /** Forgets the administrator's token, so that {@link #admin()} signs in again. */
    public synchronized void signInAgain() {
        admin = null;
    }

    /**
     * Signs in as a browser does: a client that sends the session cookie and the CSRF token
     * the runtime answered.
     */
    public ApiClient signIn(String username, String password) {
        HttpAnswer answer = anonymous().postJson("/api/v1/auth/login",
                "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}").assertJson(200);
        return anonymous().withHeader("Cookie", sessionCookieOf(answer))
                .withHeader("X-CSRF-Token", answer.object().get("csrfToken").getAsString());
    }

    /** The {@code name=value} of the session cookie a sign-in answer set. */
    public static String sessionCookieOf(HttpAnswer signIn) {
        String setCookie = signIn.header("Set-Cookie");
        if (setCookie == null) {
            return fail("The sign-in set no cookie. " + signIn);
        }
        return setCookie.split(";", 2)[0].trim();
    }

    /** Signs in and creates a bearer token, as a script does: a client that sends the token. */
    public ApiClient withToken(String username, String password) {
        HttpAnswer token = signIn(username, password).postJson("/api/v1/auth/tokens", "{\"name\": \"integration test\"}")
                .assertJson(201);
        return anonymous().withHeader("Authorization", "Bearer " + token.object().get("token").getAsString());
    }

    HttpClient http() {
        return http;
    }

    // ---- module helpers ------------------------------------------------------------------

    /** {@code GET /api/v1/modules} as a map from module id to module object, in the order listed. */
    public Map<String, JsonObject> modules() {
        HttpAnswer answer = admin().get("/api/v1/modules");
        answer.assertStatus(200);
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        for (JsonElement module : answer.json().getAsJsonArray()) {
            byId.put(module.getAsJsonObject().get("id").getAsString(), module.getAsJsonObject());
        }
        return byId;
    }

    /** The state of a module, or null if it is not installed. */
    public String stateOf(String id) {
        HttpAnswer answer = admin().get("/api/v1/modules/" + id);
        if (answer.status() == 404) {
            return null;
        }
        answer.assertStatus(200);
        return answer.object().get("state").getAsString();
    }

    /** Waits until the condition holds, checking every 100 ms; fails with the message and the log if it does not. */
    public void eventually(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            pause(100);
        }
        fail("Not so within " + limit.toMillis() + " ms: " + what + ". The runtime said:\n" + output());
    }

    // ---- the surroundings ----------------------------------------------------------------

    /** The assembled distribution folder, as failsafe passes it. */
    static Path distributionFolder() {
        return Path.of(requiredProperty("nadi.distribution"));
    }

    /** Where the compiled test classes are: the fixture activators are taken from there. */
    static Path testClassesFolder() {
        return Path.of(requiredProperty("nadi.test.classes"));
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set: run the integration tests with"
                    + " 'mvn verify', which sets it (see distribution/pom.xml)");
        }
        return value;
    }

    /** A port nothing listens on right now, on every interface, as the runtime binds it. */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(0));
            return probe.getLocalPort();
        }
    }

    private static void copyDistribution(Path from, Path to) throws IOException {
        if (!Files.isExecutable(from.resolve("bin/nadi"))) {
            throw new IllegalStateException(from + " has no executable bin/nadi: build the distribution first");
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                // A data/ left by someone starting the built distribution by hand would make this a warm start.
                if (from.relativize(dir).toString().equals("data")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }


    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", interrupted);
        }
    }
}
