package org.nadi.platform.security.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password as the database keeps it: PBKDF2-HMAC-SHA256 with a random salt, written
 * self-describing as {@code pbkdf2-sha256$600000$<salt>$<hash>} (salt and hash in base64), so
 * that a later release can raise the iteration count without breaking the hashes already stored.
 * Checking a password costs as much as hashing one (about 200 ms), which is the point: it makes
 * guessing slow. Callers go through {@link HashingGate} so that sign-ins cannot take every core.
 */
final class PasswordHash {

    static final String ALGORITHM = "pbkdf2-sha256";
    static final int ITERATIONS = 600_000;
    static final int SALT_BYTES = 16;
    static final int KEY_BYTES = 32;
    /** Stored hashes outside this range are refused as corrupt rather than run for hours. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] key;

    private PasswordHash(int iterations, byte[] salt, byte[] key) {
        this.iterations = iterations;
        this.salt = salt;
        this.key = key;
    }

    /** Hashes a password with a new random salt. */
    static PasswordHash of(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(ITERATIONS, salt, derive(password, salt, ITERATIONS, KEY_BYTES));
    }

    /**
     * A hash no password matches, that costs as much to check as a real one: what a sign-in with
     * an unknown username is checked against, so that its answer takes as long as a wrong
     * password's and does not tell which usernames exist.
     */
    static PasswordHash unmatchable() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(key);
        return new PasswordHash(ITERATIONS, salt, key);
    }

    /**
     * Reads a stored hash.
     *
     * @throws IllegalArgumentException if it is not {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}
     */
    static PasswordHash parse(String stored) {
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
            throw new IllegalArgumentException("not a " + ALGORITHM + "$ITERATIONS$SALT$HASH password hash");
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] key = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || key.length == 0) {
                throw new IllegalArgumentException("password hash with " + iterations + " iterations, a " + salt.length
                        + "-byte salt and a " + key.length + "-byte key");
            }
            return new PasswordHash(iterations, salt, key);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("password hash whose iteration count '" + parts[1] + "' is not a number");
        }
    }

    /** True if the password is the one this hash was made from; compares in constant time. */
    boolean matches(String password) {
        return MessageDigest.isEqual(key, derive(password, salt, iterations, key.length));
    }

    int iterations() {
        return iterations;
    }

    /** The form stored in the database. */
    String encoded() {
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(key);
    }

    @Override
    public String toString() {
        return ALGORITHM + " hash with " + iterations + " iterations";
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int keyBytes) {
        char[] characters = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(characters, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException missing) {
            // Every Java 17 runtime has it; without it no password could ever be checked.
            throw new IllegalStateException("This Java runtime cannot compute PBKDF2WithHmacSHA256", missing);
        } finally {
            spec.clearPassword();
            Arrays.fill(characters, '\0');
        }
    }
}
