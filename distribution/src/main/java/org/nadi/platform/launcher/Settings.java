package org.nadi.platform.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the runtime is to run: read from {@code conf/nadi.properties}, then the environment, then
 * the command line, each overriding the one before.
 *
 * @param home          the distribution folder
 * @param httpHost      the address the HTTP server listens on
 * @param httpPort      the HTTP port
 * @param dataDirectory where the runtime keeps its state
 * @param deployDirectory the folder watched for institution bundles
 * @param logLevel      ERROR, WARNING, INFO or DEBUG
 * @param moduleTimeoutMillis how long a module's activator may take to start or stop
 * @param platformProperties every {@code nadi.*} property of {@code conf/nadi.properties}, passed to
 *                      the framework for the platform's bundles (e.g. {@code nadi.db.url})
 * @param demo          whether to load every enabled module's demo data into a new data directory
 * @param interactive   whether to offer the Gogo shell on the terminal
 * @param help          whether only the usage was asked for
 */
record Settings(
        Path home,
        String httpHost,
        int httpPort,
        Path dataDirectory,
        Path deployDirectory,
        String logLevel,
        long moduleTimeoutMillis,
        Map<String, String> platformProperties,
        boolean demo,
        boolean interactive,
        boolean help) {

    static final String USAGE = """
            Usage: nadi [--port N] [--data DIR] [--demo] [--help]
              --port N    listen for HTTP on port N (default 8080; or set NADI_HTTP_PORT)
              --data DIR  keep the runtime's state in DIR (default: data/ in the distribution)
              --demo      load every enabled module's demo data, if the data directory is new
              --help      show this text
            Settings are read from conf/nadi.properties; the options above override them.""";

    private static final Set<String> LOG_LEVELS = Set.of("ERROR", "WARNING", "INFO", "DEBUG");

    /**
     * @throws IllegalArgumentException with a message that says what is wrong and how to fix it
     */
    static Settings load(Path home, String[] args, Map<String, String> environment, boolean interactive) {
        Properties conf = new Properties();
        Path confFile = home.resolve("conf/nadi.properties");
        if (Files.isRegularFile(confFile)) {
            try (InputStream in = Files.newInputStream(confFile)) {
                conf.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read " + confFile + ": " + e.getMessage(), e);
            }
        }
        String port = conf.getProperty("nadi.http.port", "8080");
        String data = conf.getProperty("nadi.data.dir", "data");
        if (environment.containsKey("NADI_HTTP_PORT")) {
            port = environment.get("NADI_HTTP_PORT");
        }
        boolean demo = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = valueOf(args, ++i, "--port");
                case "--data" -> data = valueOf(args, ++i, "--data");
                case "--demo" -> demo = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        String logLevel = conf.getProperty("nadi.log.level", "INFO").trim().toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(logLevel)) {
            throw new IllegalArgumentException("nadi.log.level in " + confFile + " is '" + logLevel
                    + "'; use one of ERROR, WARNING, INFO, DEBUG");
        }
        return new Settings(
                home,
                conf.getProperty("nadi.http.host", "0.0.0.0").trim(),
                port(port),
                home.resolve(data.trim()).toAbsolutePath().normalize(),
                home.resolve(conf.getProperty("nadi.deploy.dir", "deploy").trim()).toAbsolutePath().normalize(),
                logLevel,
                positive(conf.getProperty("nadi.module.timeout.ms", "5000"), "nadi.module.timeout.ms"),
                platformProperties(conf),
                demo,
                interactive,
                help);
    }

    private static Map<String, String> platformProperties(Properties conf) {
        Map<String, String> properties = new TreeMap<>();
        for (String name : conf.stringPropertyNames()) {
            if (name.startsWith("nadi.")) {
                properties.put(name, conf.getProperty(name).trim());
            }
        }
        return Map.copyOf(properties);
    }

    private static String valueOf(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return args[index];
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("the HTTP port '" + value + "' is not a port number between 1 and 65535");
    }

    private static long positive(String value, String name) {
        try {
            long number = Long.parseLong(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(name + " is '" + value + "'; it must be a positive number of milliseconds");
    }
}
