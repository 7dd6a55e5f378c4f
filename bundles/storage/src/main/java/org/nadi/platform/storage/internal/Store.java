package org.nadi.platform.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.nadi.platform.storage.api.Transaction;
import org.sqlite.SQLiteConfig;

/**
 * The database engine behind every module's {@code Database}: one writer connection on a
 * thread of its own, and a few reader connections.
 *
 * <p>Writes are serialised on the writer thread, which commits the transactions that are
 * waiting together (group commit): each runs within a savepoint of one database transaction,
 * so one that throws is rolled back alone, and every caller is answered only after the commit
 * that made its work durable. With SQLite in WAL mode and {@code synchronous=FULL} one fsync
 * then acknowledges many writes, which is what lets 20 concurrent writers reach thousands of
 * durable inserts per second; readers never wait for the writer.
 */
final class Store implements AutoCloseable {

    /** The platform's own table: which migrations of which module are applied. */
    static final String SCHEMA_VERSIONS = "platform_schema_versions";
    private static final int MAX_BATCH = 128;
    private static final int MAX_READERS = 8;
    private static final System.Logger LOG = System.getLogger(Store.class.getName());
    private static final Set<String> TRANSACTION_CONTROL = Set.of("commit", "rollback", "setAutoCommit", "close", "abort",
            "setReadOnly", "setTransactionIsolation");

    private final StorageSettings settings;
    private final BlockingQueue<Task<?>> writes = new LinkedBlockingQueue<>();
    private final BlockingQueue<Connection> idleReaders = new LinkedBlockingQueue<>();
    private final Semaphore readerPermits = new Semaphore(MAX_READERS);
    private final Thread writerThread;
    private volatile boolean closed;
    /** Only the writer thread touches it. */
    private Connection writer;

    /** Creates the platform's own table once the writer has opened the database; its outcome says whether that worked. */
    private final Task<Void> opened;

    Store(StorageSettings settings) throws SQLException {
        this.settings = settings;
        if (settings.isSqlite()) {
            try {
                Files.createDirectories(settings.sqliteFile().toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new SQLException("Cannot create the folder of the database " + settings.sqliteFile() + ": " + e.getMessage(), e);
            }
        }
        this.writerThread = new Thread(this::writeLoop, "nadi-storage-writer");
        writerThread.setDaemon(true);
        writerThread.start();
        // Not awaited: the writer opens the database (loading the driver's native code) while the
        // rest of the platform starts. Writes queue behind this task; reads wait for it.
        this.opened = new Task<>(connection -> {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA_VERSIONS + " (module VARCHAR(100) NOT NULL,"
                        + " version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL,"
                        + " PRIMARY KEY (module, version))");
            }
            return null;
        }, true);
        writes.add(opened);
    }

    StorageSettings settings() {
        return settings;
    }

    // ---- transactions --------------------------------------------------------------------

    /**
     * Runs work in a read-write transaction on the writer thread.
     *
     * @param alone true to commit it in a transaction of its own, not grouped with others (migrations)
     */
    <T> T inTransaction(Transaction<T> work, boolean alone) throws SQLException {
        if (Thread.currentThread() == writerThread) {
            // A transaction started within another joins it: the writer would otherwise wait for itself.
            return work.run(lent(writer));
        }
        if (closed) {
            throw new SQLException("The platform database is closed: the storage module is stopping.");
        }
        Task<T> task = new Task<>(work, alone);
        writes.add(task);
        return task.outcome();
    }

    /** Runs read-only work on a consistent snapshot, on the caller's thread. */
    <T> T read(Transaction<T> work) throws SQLException {
        if (closed) {
            throw new SQLException("The platform database is closed: the storage module is stopping.");
        }
        opened.outcome();
        readerPermits.acquireUninterruptibly();
        Connection connection = idleReaders.poll();
        try {
            if (connection == null) {
                connection = openReader();
            }
            try {
                return work.run(lent(connection));
            } finally {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException | Error failed) {
            discard(connection);
            connection = null;
            throw failed;
        } finally {
            if (connection != null) {
                if (closed) {
                    discard(connection);
                } else {
                    idleReaders.add(connection);
                }
            }
            readerPermits.release();
        }
    }

    private Connection openReader() throws SQLException {
        Connection connection = open();
        if (settings.isSqlite()) {
            try (Statement pragma = connection.createStatement()) {
                pragma.execute("PRAGMA query_only = ON");
            }
        } else {
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        connection.setAutoCommit(false);
        return connection;
    }

    private Connection open() throws SQLException {
        if (!settings.isSqlite()) {
            try {
                return PostgresConnections.open(settings);
            } catch (NoClassDefFoundError missing) {
                throw new SQLException("conf/nadi.properties names a PostgreSQL database but the PostgreSQL driver bundle"
                        + " (org.postgresql.jdbc) is not installed.", missing);
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a transaction is durable once commit returns, even through power loss.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(30_000);
        config.enforceForeignKeys(true);
        Connection connection = new org.sqlite.JDBC().connect(settings.url(), config.toProperties());
        if (connection == null) {
            throw new SQLException("The SQLite driver does not accept the URL " + settings.url());
        }
        return connection;
    }

    private static void discard(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being thrown away
            }
        }
    }

    /**
     * The connection as work sees it: everything but ending the transaction. The platform
     * commits and rolls back; work that tried would break the grouping of transactions.
     */
    private static Connection lent(Connection connection) {
        InvocationHandler guard = (proxy, method, arguments) -> {
            if (TRANSACTION_CONTROL.contains(method.getName())) {
                throw new SQLException("Connection." + method.getName() + "() is not available here: the platform commits when"
                        + " the work returns and rolls back when it throws, and closes the connection itself.");
            }
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                throw new SQLException("The platform's connections cannot be unwrapped.");
            }
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException failed) {
                throw failed.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Connection.class}, guard);
    }

    // ---- the writer thread ---------------------------------------------------------------

    private static final class Task<T> {
        final Transaction<T> work;
        final boolean alone;
        final CountDownLatch done = new CountDownLatch(1);
        T result;
        Throwable failure;

        Task(Transaction<T> work, boolean alone) {
            this.work = work;
            this.alone = alone;
        }

        void run(Connection connection) throws Exception {
            result = work.run(lent(connection));
        }

        T outcome() throws SQLException {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    // The work may commit whatever we do; the caller must learn how it ended.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure == null) {
                return result;
            }
            if (failure instanceof SQLException sql) {
                throw sql;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new SQLException(failure.getMessage(), failure);
        }
    }

    private void writeLoop() {
        Deque<Task<?>> pending = new ArrayDeque<>();
        while (!closed || !writes.isEmpty() || !pending.isEmpty()) {
            try {
                if (pending.isEmpty()) {
                    Task<?> first = writes.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    pending.add(first);
                }
                List<Task<?>> drained = new ArrayList<>();
                writes.drainTo(drained, MAX_BATCH);
                pending.addAll(drained);
                List<Task<?>> batch = new ArrayList<>();
                if (pending.peekFirst().alone) {
                    batch.add(pending.pollFirst());
                } else {
                    while (!pending.isEmpty() && !pending.peekFirst().alone && batch.size() < MAX_BATCH) {
                        batch.add(pending.pollFirst());
                    }
                }
                commit(batch);
            } catch (InterruptedException interrupted) {
                // closing: the loop condition decides
            }
        }
        discard(writer);
        writer = null;
    }

    private void commit(List<Task<?>> batch) {
        try {
            if (writer == null || writer.isClosed()) {
                writer = open();
                writer.setAutoCommit(false);
            }
            if (batch.size() == 1) {
                Task<?> task = batch.get(0);
                try {
                    task.run(writer);
                } catch (Throwable failed) {
                    task.failure = failed;
                    writer.rollback();
                    return;
                }
            } else {
                for (Task<?> task : batch) {
                    var savepoint = writer.setSavepoint();
                    try {
                        task.run(writer);
                        writer.releaseSavepoint(savepoint);
                    } catch (Throwable failed) {
                        task.failure = failed;
                        writer.rollback(savepoint);
                        writer.releaseSavepoint(savepoint);
                    }
                }
            }
            writer.commit();
        } catch (SQLException | RuntimeException broken) {
            // The commit (or a rollback) itself failed: nothing of the batch is durable.
            for (Task<?> task : batch) {
                task.result = null;
                task.failure = broken;
            }
            try {
                if (writer != null && !writer.isClosed()) {
                    writer.rollback();
                }
            } catch (SQLException unusable) {
                discard(writer);
                writer = null;
            }
        } finally {
            for (Task<?> task : batch) {
                task.done.countDown();
            }
        }
    }

    // ---- what is stored ------------------------------------------------------------------

    /** The tables in the database whose name starts with the prefix, lower-case. */
    List<String> tablesStartingWith(String prefix) throws SQLException {
        return read(connection -> {
            List<String> tables = new ArrayList<>();
            for (String name : tables(connection)) {
                if (name.startsWith(prefix)) {
                    tables.add(name);
                }
            }
            return tables;
        });
    }

    /** Every table of the database, lower-case and sorted, without SQLite's own. */
    private List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        String schema = settings.isSqlite() ? null : connection.getSchema();
        try (ResultSet rows = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("sqlite_")) {
                    tables.add(name);
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    // ---- backup and restore --------------------------------------------------------------

    /**
     * Writes a consistent copy of the whole database to the file, while writes go on: SQLite's
     * {@code VACUUM INTO} reads one snapshot. The file must not exist; it appears complete or
     * not at all.
     */
    void backup(Path target) throws SQLException, IOException {
        requireSqlite("backup");
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute)) {
            throw new IOException(absolute + " exists already; choose a new file name, the platform never overwrites a backup");
        }
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path partial = folder.resolve("." + absolute.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try (Connection connection = open(); PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, partial.toString());
            vacuum.execute();
        }
        try {
            Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failed) {
            Files.deleteIfExists(partial);
            throw failed;
        }
    }

    /**
     * Replaces the whole database with a backup, online: SQLite's backup API copies it into the
     * live database on the writer thread, so in-flight writes finish first, later ones see the
     * restored data, and readers see either the old or the new database, never a mixture.
     *
     * @param platformPrefixes the table prefixes of the platform's core modules, whose rows do not
     *                         count as module data (every runtime has accounts from its first start)
     * @throws IllegalStateException if the database holds module data and {@code force} is false
     * @throws IllegalArgumentException if the file is not a backup of the platform's database
     */
    void restore(Path backup, boolean force, Set<String> platformPrefixes) throws SQLException, IOException {
        requireSqlite("restore");
        checkIsBackup(backup);
        inTransaction(connection -> {
            if (!force && holdsModuleData(connection, platformPrefixes)) {
                throw new IllegalStateException("The database holds module data already, and restoring would replace all of it"
                        + " with the backup.");
            }
            writer.commit();
            writer.setAutoCommit(true);
            try (Statement restore = writer.createStatement()) {
                restore.executeUpdate("restore from '" + backup.toAbsolutePath().toString().replace("'", "''") + "'");
            } finally {
                writer.setAutoCommit(false);
            }
            return null;
        }, true);
    }

    /**
     * Whether any module table has a row. The platform's own bookkeeping does not count: its
     * list of migrations, and the tables of its core modules (the accounts and audit trail of
     * the security module), which every runtime has from its first start and the backup's replace.
     */
    private boolean holdsModuleData(Connection connection, Set<String> platformPrefixes) throws SQLException {
        for (String table : tables(connection)) {
            if (table.equals(SCHEMA_VERSIONS) || platformPrefixes.stream().anyMatch(table::startsWith)) {
                continue;
            }
            try (Statement query = connection.createStatement(); ResultSet row = query.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
                if (row.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void checkIsBackup(Path file) throws IOException {
        byte[] expected = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[expected.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, header.length) != header.length || !Arrays.equals(expected, header)) {
                throw new IllegalArgumentException(file.getFileName() + " is not a backup of the platform database (not an SQLite"
                        + " database file). Use a file written by nadi:backup or POST /api/v1/storage/backup.");
            }
        }
        try (Connection connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file.toAbsolutePath(), readOnly());
                Statement query = connection.createStatement();
                ResultSet check = query.executeQuery("PRAGMA quick_check")) {
            String verdict = check.next() ? check.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new IllegalArgumentException(file.getFileName() + " is a damaged database (" + verdict + "); it cannot be restored.");
            }
            try (ResultSet table = query.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + SCHEMA_VERSIONS + "'")) {
                if (!table.next()) {
                    throw new IllegalArgumentException(file.getFileName() + " is an SQLite database but not a backup of the platform"
                            + " database (it has no " + SCHEMA_VERSIONS + " table).");
                }
            }
        } catch (SQLException unreadable) {
            throw new IllegalArgumentException(file.getFileName() + " cannot be read as a database: " + unreadable.getMessage(), unreadable);
        }
    }

    private static java.util.Properties readOnly() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.toProperties();
    }

    private void requireSqlite(String operation) throws SQLException {
        if (!settings.isSqlite()) {
            throw new SQLException("Online " + operation + " through the platform is available for the embedded database. This"
                    + " runtime uses PostgreSQL (" + settings.url() + "): use pg_dump and pg_restore.");
        }
    }

    // ---- closing -------------------------------------------------------------------------

    @Override
    public void close() {
        closed = true;
        // Wakes the writer from its wait for work; it finishes what is queued, then ends.
        writerThread.interrupt();
        try {
            writerThread.join(10_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (writerThread.isAlive()) {
            LOG.log(System.Logger.Level.WARNING, "The storage writer did not finish its last transaction within 10 s");
        }
        for (Connection reader; (reader = idleReaders.poll()) != null;) {
            discard(reader);
        }
    }
}
