package org.nadi.platform.storage.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One schema migration a module ships: {@code db/migrations/V002__add_author.sql}.
 *
 * @param version     the number after the V, e.g. 2
 * @param description the words after the two underscores, e.g. {@code add author}
 * @param fileName    the file's name, for messages
 * @param sql         the file's text
 */
record MigrationFile(int version, String description, String fileName, String sql) {

    /** Where migrations are inside a bundle. */
    static final String FOLDER = "db/migrations";
    private static final Pattern NAME = Pattern.compile("V(\\d{1,9})__([A-Za-z0-9_]+)\\.sql");

    /**
     * @throws IllegalArgumentException if the name does not follow {@code V<number>__<description>.sql}
     */
    static MigrationFile of(String fileName, String sql) {
        Matcher name = NAME.matcher(fileName);
        if (!name.matches()) {
            throw new IllegalArgumentException("migration " + FOLDER + "/" + fileName + " is not named V<number>__<description>.sql,"
                    + " e.g. V001__create_notes.sql");
        }
        return new MigrationFile(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '), fileName, sql);
    }
}
