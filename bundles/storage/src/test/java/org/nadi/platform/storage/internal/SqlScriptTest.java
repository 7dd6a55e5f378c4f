package org.nadi.platform.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsOnSemicolonsOutsideQuotesAndComments() {
        List<String> statements = SqlScript.statements("""
                -- a comment; not a statement
                CREATE TABLE example_a (x VARCHAR(10) DEFAULT 'a;b');
                /* block; comment */ INSERT INTO example_a (x) VALUES ('it''s');
                """);
        assertEquals(List.of("CREATE TABLE example_a (x VARCHAR(10) DEFAULT 'a;b')", "INSERT INTO example_a (x) VALUES ('it''s')"),
                statements);
    }

    @Test
    void findsTheTablesAndIndexesAStatementWritesOrCreates() {
        assertEquals(List.of("example_notes"), SqlScript.namesTouched("create table if not exists Example_Notes (id integer)"));
        assertEquals(List.of("example_idx", "notes"), SqlScript.namesTouched("CREATE UNIQUE INDEX example_idx ON notes (id)"));
        assertEquals(List.of("platform_schema_versions"), SqlScript.namesTouched("DELETE FROM platform_schema_versions"));
        assertEquals(List.of(), SqlScript.namesTouched("SELECT * FROM anything"));
    }

    @Test
    void migrationFilesFollowTheNamingConvention() {
        MigrationFile file = MigrationFile.of("V012__add_author_column.sql", "");
        assertEquals(12, file.version());
        assertEquals("add author column", file.description());
        assertThrows(IllegalArgumentException.class, () -> MigrationFile.of("V1_missing_underscore.sql", ""));
        assertThrows(IllegalArgumentException.class, () -> MigrationFile.of("create.sql", ""));
    }
}
