package org.nadi.platform.storage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nadi.platform.storage.api.Sql.Conditions;

class SqlTest {

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        Sql.update(connection, "CREATE TABLE example_people (id VARCHAR(20) PRIMARY KEY, lower_name VARCHAR(100), born VARCHAR(10))");
        Sql.update(connection, "INSERT INTO example_people VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)", "a", Sql.lower("Ánh NGUYỄN"),
                Sql.text(LocalDate.of(1980, 2, 29)), "b", "ōta mai", null, "c", "50%_off", "2001-12-31");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private List<String> ids(Conditions where) throws SQLException {
        return Sql.query(connection, "SELECT id FROM example_people" + where.where() + " ORDER BY id", row -> row.getString(1),
                where.parameters());
    }

    @Test
    void conditionsAreJoinedByAndWithTheirParametersInOrder() throws SQLException {
        assertEquals(List.of("a", "b", "c"), ids(new Conditions()));
        assertEquals(List.of("a"), ids(new Conditions().and("lower_name LIKE ?", Sql.like("NGUYỄN")).and("born < ?", "2000-01-01")));
        Conditions inner = new Conditions().and("born IS NOT NULL");
        assertEquals(List.of("a", "c"), ids(new Conditions().in("id", "SELECT id FROM example_people", inner)));
        assertEquals(List.of(1, 2, 3), Arrays.asList(new Conditions().and("x = ? AND y = ?", 1, 2).parameters(3)));
    }

    @Test
    void aSearchIsForTheLettersTypedNeverForWildcards() throws SQLException {
        assertEquals("%50off%", Sql.like("50%_OFF"));
        assertEquals(List.of("c"), ids(new Conditions().and("lower_name LIKE ?", Sql.like("50"))));
        assertEquals(List.of("a", "b", "c"), ids(new Conditions().and("lower_name LIKE ?", Sql.like("%_"))), "nothing typed but wildcards matches all");
        assertEquals(List.of("b"), ids(new Conditions().and("lower_name LIKE ?", Sql.like("ŌTA"))));
    }

    @Test
    void datesAreStoredAsIsoTextAndReadBack() throws SQLException {
        List<LocalDate> born = Sql.query(connection, "SELECT born FROM example_people ORDER BY id", row -> Sql.day(row.getString(1)));
        assertEquals(LocalDate.of(1980, 2, 29), born.get(0));
        assertNull(born.get(1));
        assertEquals(LocalDate.of(2001, 12, 31), born.get(2));
        assertNull(Sql.text(null));
    }

    @Test
    void updatesCountTheirRowsAndExistsSaysWhetherAnyRowIsSelected() throws SQLException {
        assertEquals(2, Sql.update(connection, "UPDATE example_people SET born = ? WHERE born IS NOT NULL", "1999-01-01"));
        assertTrue(Sql.exists(connection, "SELECT 1 FROM example_people WHERE id = ?", "a"));
        assertFalse(Sql.exists(connection, "SELECT 1 FROM example_people WHERE id = ?", "z"));
    }

    @Test
    void idsComeInDistinctBatchesSmallEnoughForOneInClause() throws SQLException {
        List<String> ids = new ArrayList<>(Collections.nCopies(3, "a"));
        for (int i = 0; i < 1200; i++) {
            ids.add("id-" + i);
        }
        List<List<String>> batches = Sql.batches(ids);
        assertEquals(List.of(500, 500, 201), batches.stream().map(List::size).toList());
        assertEquals("a", batches.get(0).get(0));
        assertEquals("id-0", batches.get(0).get(1));
        List<String> found = new ArrayList<>();
        for (List<String> batch : batches) {
            found.addAll(Sql.query(connection, "SELECT id FROM example_people WHERE id IN (" + Sql.placeholders(batch.size()) + ")",
                    row -> row.getString(1), batch.toArray()));
        }
        assertEquals(List.of("a"), found);
        assertEquals(List.of(), Sql.batches(List.of()));
    }

    @Test
    void columnChangesComeInPairs() {
        assertEquals(List.of("name", "born"), List.copyOf(Sql.columns("name", "Ánh", "born", null).keySet()));
        assertThrows(IllegalArgumentException.class, () -> Sql.columns("name"));
    }
}
