package org.nadi.platform.security.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How this module writes times in the database: ISO-8601 in UTC with exactly three decimals
 * ({@code 2026-03-01T09:00:00.000Z}). The fixed width makes text order time order, which the
 * audit trail's {@code from}/{@code to} filters rely on ({@code Instant.toString()} leaves out
 * zero milliseconds, and {@code …00Z} would sort after {@code …00.5Z}).
 */
final class UtcTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    static String of(Instant instant) {
        return FORMAT.format(instant);
    }
}
