package org.nadi.platform.membership.internal;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.nadi.platform.membership.api.Affiliation;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.membership.api.InstitutionName;
import org.nadi.platform.membership.api.Person;
import org.nadi.platform.storage.api.Database;

/**
 * People and institutions as CSV tables: one row per affiliation of a person, per name of an
 * institution, so that a record's whole history is in the file and an export imported again
 * changes nothing. The rows of one record share its id and repeat its own columns; a person
 * without affiliations is one row with the affiliation's columns empty. Importing checks every
 * row with the REST API's rules and applies the file in one transaction only if no row breaks
 * one: a record in the file replaces the one with its id (as a {@code PUT} would), or is created,
 * or, if equal, is left as it is.
 */
final class MembershipCsv {

    /** A row the import refuses: its line (the header is line 1), its column if known, and why. */
    record RowError(int line, String field, String message) {
    }

    /** A record the import changed: before is null for one it created. */
    record Change(String id, Object before, Object after) {
    }

    /** What an import did, or the errors that stopped it from doing anything. */
    record Imported(List<String> created, List<String> updated, int unchanged, List<Change> changes, List<RowError> errors) {
    }

    /** A kind of record as a table: its columns, the first {@code own} of them the record's, the others one of its parts'. */
    interface Table<T> {

        String entity();

        List<String> columns();

        int own();

        /** The JSON name of the parts, as the REST rules name their fields: {@code affiliations}, {@code names}. */
        String parts();

        String id(T record);

        /** The record from its own columns and its parts' (blank values are null). */
        T parse(List<String> record, List<List<String>> parts) throws RecordRefused;

        /** The record's rows, for export. */
        List<List<String>> rows(T record);

        List<T> all(Connection connection) throws SQLException;

        /** Whether it is to be exported as of the day. */
        boolean heldOn(T record, LocalDate day);

        Optional<T> find(Connection connection, String id) throws SQLException;

        T insert(Connection connection, T record, LocalDate today) throws SQLException;

        T replace(Connection connection, T existing, T record, LocalDate today) throws SQLException;

        /** Equal but for the version. */
        boolean same(T existing, T record);
    }

    private final Database database;
    private final MembershipStore store;

    MembershipCsv(Database database) {
        this.database = database;
        this.store = new MembershipStore(database);
    }

    Table<Person> people() {
        return new Table<>() {
            @Override
            public String entity() {
                return "person";
            }

            @Override
            public List<String> columns() {
                return List.of("id", "honorific", "rank", "name", "pronoun", "institution", "position", "from", "to");
            }

            @Override
            public int own() {
                return 5;
            }

            @Override
            public String parts() {
                return "affiliations";
            }

            @Override
            public String id(Person person) {
                return person.id();
            }

            @Override
            public Person parse(List<String> own, List<List<String>> parts) throws RecordRefused {
                List<Inputs.AffiliationInput> affiliations = new ArrayList<>();
                for (List<String> part : parts) {
                    affiliations.add(new Inputs.AffiliationInput(part.get(0), part.get(1), part.get(2), part.get(3)));
                }
                return Inputs.person(new Inputs.PersonInput(own.get(0), own.get(1), own.get(2), own.get(3), own.get(4), affiliations));
            }

            @Override
            public List<List<String>> rows(Person person) {
                List<String> own = List.of(person.id(), text(person.honorific()), text(person.rank()), person.name(), person.pronoun());
                List<List<String>> parts = new ArrayList<>();
                for (Affiliation affiliation : person.affiliations()) {
                    parts.add(List.of(affiliation.institution(), text(affiliation.position()), text(affiliation.from()),
                            text(affiliation.to())));
                }
                return joined(own, parts, 4);
            }

            @Override
            public List<Person> all(Connection connection) throws SQLException {
                return store.people(connection, null, null, null, Integer.MAX_VALUE);
            }

            @Override
            public boolean heldOn(Person person, LocalDate day) {
                return person.affiliationOn(day).isPresent();
            }

            @Override
            public Optional<Person> find(Connection connection, String id) throws SQLException {
                return store.person(connection, id);
            }

            @Override
            public Person insert(Connection connection, Person person, LocalDate today) throws SQLException {
                return store.insertPerson(connection, person, today);
            }

            @Override
            public Person replace(Connection connection, Person existing, Person person, LocalDate today) throws SQLException {
                return store.replacePerson(connection, existing.id(), existing.version(), person, today);
            }

            @Override
            public boolean same(Person existing, Person person) {
                return new Person(existing.id(), existing.honorific(), existing.rank(), existing.name(), existing.pronoun(),
                        existing.affiliations(), person.version()).equals(person);
            }
        };
    }

    Table<Institution> institutions() {
        return new Table<>() {
            @Override
            public String entity() {
                return "institution";
            }

            @Override
            public List<String> columns() {
                return List.of("id", "country", "parentOrganisation", "name", "acronym", "from", "to");
            }

            @Override
            public int own() {
                return 3;
            }

            @Override
            public String parts() {
                return "names";
            }

            @Override
            public String id(Institution institution) {
                return institution.id();
            }

            @Override
            public Institution parse(List<String> own, List<List<String>> parts) throws RecordRefused {
                List<Inputs.NameInput> names = new ArrayList<>();
                for (List<String> part : parts) {
                    names.add(new Inputs.NameInput(part.get(0), part.get(1), part.get(2), part.get(3)));
                }
                return Inputs.institution(new Inputs.InstitutionInput(own.get(0), own.get(1), own.get(2), names));
            }

            @Override
            public List<List<String>> rows(Institution institution) {
                List<String> own = List.of(institution.id(), institution.country(), text(institution.parentOrganisation()));
                List<List<String>> parts = new ArrayList<>();
                for (InstitutionName name : institution.names()) {
                    parts.add(List.of(name.name(), text(name.acronym()), text(name.from()), text(name.to())));
                }
                return joined(own, parts, 4);
            }

            @Override
            public List<Institution> all(Connection connection) throws SQLException {
                return store.institutions(connection, null, null, null, null, Integer.MAX_VALUE);
            }

            @Override
            public boolean heldOn(Institution institution, LocalDate day) {
                return institution.nameOn(day).isPresent();
            }

            @Override
            public Optional<Institution> find(Connection connection, String id) throws SQLException {
                return store.institution(connection, id);
            }

            @Override
            public Institution insert(Connection connection, Institution institution, LocalDate today) throws SQLException {
                return store.insertInstitution(connection, institution);
            }

            @Override
            public Institution replace(Connection connection, Institution existing, Institution institution, LocalDate today)
                    throws SQLException {
                return store.replaceInstitution(connection, existing.id(), existing.version(), institution);
            }

            @Override
            public boolean same(Institution existing, Institution institution) {
                return new Institution(existing.id(), existing.country(), existing.parentOrganisation(), existing.names(),
                        institution.version()).equals(institution);
            }
        };
    }

    /**
     * Writes the table: a header row, then every record's rows; with a day, only the records
     * that held on it (a person affiliated then, an institution named then), still with their
     * whole history.
     */
    <T> void export(Table<T> table, Writer out, LocalDate day) throws SQLException, IOException {
        List<T> records = database.read(table::all);
        Csv.begin(out);
        Csv.write(out, table.columns());
        for (T record : records) {
            if (day == null || table.heldOn(record, day)) {
                for (List<String> row : table.rows(record)) {
                    Csv.write(out, row);
                }
            }
        }
    }

    /** The rows of one record in the file: the first line holds its own columns; one line per part. */
    private record Group(int line, List<String> own, List<List<String>> parts, List<Integer> partLines) {
    }

    /**
     * Imports the rows (the first is the header) in one transaction, or, if any row breaks a
     * rule, changes nothing and answers every error, in line order.
     *
     * @param today the day that decides who is "current" for the duplicate-person rule
     */
    <T> Imported load(Table<T> table, List<Csv.Row> rows, LocalDate today) throws SQLException {
        List<RowError> errors = new ArrayList<>();
        Map<Integer, Integer> columnAt = header(table, rows, errors);
        if (!errors.isEmpty()) {
            return refused(errors);
        }
        Map<String, Group> groups = group(table, rows.subList(1, rows.size()), columnAt, errors);
        Map<T, Group> records = new LinkedHashMap<>();
        for (Group group : groups.values()) {
            try {
                records.put(table.parse(group.own(), group.parts()), group);
            } catch (RecordRefused refusal) {
                errors.add(located(table, group, refusal));
            }
        }
        try {
            return database.inTransaction(connection -> apply(connection, table, records, errors, today));
        } catch (Rollback rollback) {
            return refused(errors);
        }
    }

    /** Leaves the transaction so that it rolls back. */
    private static final class Rollback extends SQLException {
        private static final long serialVersionUID = 1L;
    }

    private <T> Imported apply(Connection connection, Table<T> table, Map<T, Group> records, List<RowError> errors, LocalDate today)
            throws SQLException {
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<T, Group> entry : records.entrySet()) {
            T record = entry.getKey();
            String id = table.id(record);
            try {
                Optional<T> existing = table.find(connection, id);
                if (existing.isEmpty()) {
                    changes.add(new Change(id, null, table.insert(connection, record, today)));
                    created.add(id);
                } else if (table.same(existing.get(), record)) {
                    unchanged++;
                } else {
                    changes.add(new Change(id, existing.get(), table.replace(connection, existing.get(), record, today)));
                    updated.add(id);
                }
            } catch (RecordRefused refusal) {
                // Every rule is checked before the record is written, so the transaction can go on to the next.
                errors.add(located(table, entry.getValue(), refusal));
            }
        }
        if (!errors.isEmpty()) {
            throw new Rollback();
        }
        return new Imported(created, updated, unchanged, changes, List.of());
    }

    /** Which field each column of the file holds; errors for a missing, unknown or repeated column. */
    private static Map<Integer, Integer> header(Table<?> table, List<Csv.Row> rows, List<RowError> errors) {
        Map<Integer, Integer> columnAt = new HashMap<>();
        if (rows.isEmpty()) {
            errors.add(new RowError(1, null, "The file is empty; its first line names the columns: "
                    + String.join(",", table.columns()) + "."));
            return columnAt;
        }
        List<String> names = rows.get(0).fields();
        for (int position = 0; position < names.size(); position++) {
            String name = names.get(position).trim();
            int column = table.columns().indexOf(name);
            if (column < 0) {
                errors.add(new RowError(1, name, "The column '" + name + "' is not one of " + String.join(", ", table.columns()) + "."));
            } else if (columnAt.containsKey(column)) {
                errors.add(new RowError(1, name, "The column '" + name + "' is named twice."));
            } else {
                columnAt.put(column, position);
            }
        }
        for (int column = 0; column < table.columns().size(); column++) {
            if (!columnAt.containsKey(column)) {
                errors.add(new RowError(1, table.columns().get(column), "The column '" + table.columns().get(column)
                        + "' is missing; the first line names the columns: " + String.join(",", table.columns()) + "."));
            }
        }
        return columnAt;
    }

    /** The rows by record id, in the file's order; the rows of a record must agree on its own columns. */
    private static Map<String, Group> group(Table<?> table, List<Csv.Row> rows, Map<Integer, Integer> columnAt, List<RowError> errors) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Csv.Row row : rows) {
            if (row.fields().size() != columnAt.size()) {
                errors.add(new RowError(row.line(), null, "Line " + row.line() + " has " + row.fields().size() + " fields; the header"
                        + " names " + columnAt.size() + ". Quote fields that contain commas."));
                continue;
            }
            List<String> values = new ArrayList<>();
            for (int column = 0; column < table.columns().size(); column++) {
                String value = row.fields().get(columnAt.get(column)).trim();
                values.add(value.isEmpty() ? null : value);
            }
            List<String> own = values.subList(0, table.own());
            List<String> part = values.subList(table.own(), values.size());
            String id = own.get(0) == null ? "" : own.get(0);
            Group group = groups.computeIfAbsent(id, anyId -> new Group(row.line(), own, new ArrayList<>(), new ArrayList<>()));
            for (int column = 0; column < table.own(); column++) {
                if (group.line() != row.line() && !Objects.equals(group.own().get(column), own.get(column))) {
                    String name = table.columns().get(column);
                    errors.add(new RowError(row.line(), name, name + " differs from line " + group.line() + ", which has the same id;"
                            + " the rows of one " + table.entity() + " repeat its " + String.join(", ",
                                    table.columns().subList(1, table.own())) + "."));
                }
            }
            if (part.stream().anyMatch(value -> value != null)) {
                group.parts().add(part);
                group.partLines().add(row.line());
            }
        }
        return groups;
    }

    /** The refusal as the row and column at fault: {@code affiliations[2].to} is the column {@code to} of that part's line. */
    private static RowError located(Table<?> table, Group group, RecordRefused refusal) {
        String field = refusal.field();
        int line = group.line();
        String column = field;
        if (field != null && field.startsWith(table.parts() + "[")) {
            int close = field.indexOf("].");
            line = group.partLines().get(Integer.parseInt(field.substring(table.parts().length() + 1, close)));
            column = field.substring(close + 2);
        } else if (table.parts().equals(field)) {
            column = table.columns().get(table.own());
        }
        String message = field == null ? refusal.getMessage() : refusal.getMessage().replace(field, column);
        return new RowError(line, column, message);
    }

    private static Imported refused(List<RowError> errors) {
        List<RowError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(RowError::line));
        return new Imported(List.of(), List.of(), 0, List.of(), sorted);
    }

    /** One row per part, each repeating the record's own columns; with no parts, one row with the parts' columns empty. */
    private static List<List<String>> joined(List<String> own, List<List<String>> parts, int partColumns) {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> part : parts.isEmpty() ? List.of(Collections.nCopies(partColumns, "")) : parts) {
            List<String> row = new ArrayList<>(own);
            row.addAll(part);
            rows.add(row);
        }
        return rows;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
