package org.nadi.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void aPasswordMatchesItsStoredHashAndNoOtherPasswordDoes() {
        PasswordHash stored = PasswordHash.parse(PasswordHash.of(PASSWORD).encoded());

        assertTrue(stored.matches(PASSWORD));
        assertFalse(stored.matches("correct horse battery stapler"));
        assertFalse(stored.matches(""));
    }

    @Test
    void theStoredFormSaysHowItWasMadeWithAtLeast600000Iterations() {
        String encoded = PasswordHash.of(PASSWORD).encoded();

        String[] parts = encoded.split("\\$");
        assertEquals(4, parts.length, encoded);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 600_000, encoded);
        assertTrue(PasswordHash.parse(encoded).iterations() >= 600_000);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length, "salt bytes");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "key bytes");
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertNotEquals(PasswordHash.of(PASSWORD).encoded(), PasswordHash.of(PASSWORD).encoded());
    }

    @Test
    void aHashWithFewerIterationsIsCheckedWithItsOwnCount() {
        // What a later release that raises the count must still be able to read.
        PasswordHash stored = PasswordHash.of(PASSWORD);
        String[] parts = stored.encoded().split("\\$");
        String other = parts[0] + "$1000$" + parts[2] + "$" + parts[3];

        assertEquals(1000, PasswordHash.parse(other).iterations());
        assertFalse(PasswordHash.parse(other).matches(PASSWORD), "same salt and key, other count: another hash");
    }

    @Test
    void theHashForUnknownUsersMatchesNothing() {
        assertFalse(PasswordHash.unmatchable().matches(PASSWORD));
    }

    @Test
    void malformedStoredHashesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("plain text"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("bcrypt$10$c2FsdA==$a2V5"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("pbkdf2-sha256$many$c2FsdA==$a2V5"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("pbkdf2-sha256$0$c2FsdA==$a2V5"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("pbkdf2-sha256$600000$not base64!$a2V5"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("pbkdf2-sha256$600000$$a2V5"));
    }

    @Test
    void itsTextNeverShowsTheHash() {
        PasswordHash hash = PasswordHash.of(PASSWORD);
        String[] parts = hash.encoded().split("\\$");

        assertFalse(hash.toString().contains(parts[3]));
    }
}
