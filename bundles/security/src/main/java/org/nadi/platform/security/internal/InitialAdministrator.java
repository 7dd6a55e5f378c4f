package org.nadi.platform.security.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.nadi.platform.web.api.ProblemException;

/**
 * The account a new runtime starts with, so that someone can sign in and create the others:
 * {@code admin}, an administrator. Its password comes from the environment variable
 * {@value #PASSWORD_VARIABLE} if that is set and valid; otherwise it is random, printed once
 * on standard output and written to {@value #PASSWORD_FILE} in the data directory, readable by
 * the runtime's user only. There is never a default password.
 */
final class InitialAdministrator {

    static final String USERNAME = "admin";
    static final String PASSWORD_VARIABLE = "NADI_ADMIN_PASSWORD";
    static final String PASSWORD_FILE = "initial-admin-password";
    /** 18 random bytes: 24 URL-safe characters. */
    private static final int GENERATED_PASSWORD_BYTES = 18;
    private static final System.Logger LOG = System.getLogger(InitialAdministrator.class.getName());

    private final Path dataDirectory;
    private final Map<String, String> environment;
    private final PrintStream out;

    /**
     * @param dataDirectory where the password file goes
     * @param environment   the process environment
     * @param out           where the password is announced: standard output
     */
    InitialAdministrator(Path dataDirectory, Map<String, String> environment, PrintStream out) {
        this.dataDirectory = dataDirectory;
        this.environment = environment;
        this.out = out;
    }

    /**
     * The initial password.
     *
     * @param generated true if it was made up here, and so must be {@linkplain #announce announced}
     */
    record Password(String value, boolean generated) {

        @Override
        public String toString() {
            return generated ? "generated password" : "password from " + PASSWORD_VARIABLE;
        }
    }

    /** The environment's password if it is a valid one, otherwise a new random one. */
    Password choose() {
        String given = environment.get(PASSWORD_VARIABLE);
        if (given != null) {
            try {
                return new Password(AccountRules.password(given), false);
            } catch (ProblemException invalid) {
                LOG.log(Level.ERROR, "{0} is set but not a valid password: {1} The initial administrator gets a generated"
                        + " password instead.", PASSWORD_VARIABLE, invalid.detail());
            }
        }
        return new Password(Secrets.random(GENERATED_PASSWORD_BYTES), true);
    }

    /** Tells the operator how to sign in for the first time, once the account exists. */
    void announce(Password password) {
        if (!password.generated()) {
            out.println("Initial administrator account: " + USERNAME + ", with the password from " + PASSWORD_VARIABLE
                    + " (change it after signing in)");
            return;
        }
        Path file = passwordFile();
        String where;
        try {
            writeOwnerOnly(file, password.value());
            where = "also in " + file;
        } catch (IOException | UnsupportedOperationException failed) {
            LOG.log(Level.ERROR, "Could not write the initial administrator''s password to {0}: {1}", file, failed.getMessage());
            where = "shown only here";
        }
        out.println("Initial administrator account: " + USERNAME + ", password: " + password.value() + " (" + where
                + "; change it after signing in)");
        out.flush();
    }

    /** Deletes the password file once the password in it is no longer the administrator's. */
    void forgetPassword() {
        try {
            if (Files.deleteIfExists(passwordFile())) {
                LOG.log(Level.INFO, "Deleted {0}: the initial administrator''s password has changed", passwordFile());
            }
        } catch (IOException failed) {
            LOG.log(Level.WARNING, "Could not delete {0}, which holds a password no longer in use: {1}", passwordFile(),
                    failed.getMessage());
        }
    }

    private Path passwordFile() {
        return dataDirectory.resolve(PASSWORD_FILE);
    }

    /** Writes the file with mode 0600 from its creation: it is never readable by others, not even for a moment. */
    private static void writeOwnerOnly(Path file, String password) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (SeekableByteChannel channel = Files.newByteChannel(file, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(ownerOnly))) {
            channel.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.UTF_8)));
        }
    }
}
