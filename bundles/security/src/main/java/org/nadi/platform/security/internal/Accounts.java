package org.nadi.platform.security.internal;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.nadi.platform.storage.api.Database;
import org.nadi.platform.storage.api.StaleVersionException;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.Role;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The accounts, their sessions and their bearer tokens. The database holds accounts and tokens;
 * this keeps a copy of both in memory, changed only after the database has committed, so that
 * telling who sent a request is a hash and a map lookup and never waits for the database.
 * Every change to an account or token goes through here, one at a time.
 *
 * <p>At start it reads the accounts in the background (the runtime does not wait for it), and
 * on a database without accounts creates the {@linkplain InitialAdministrator initial
 * administrator}. Sign-ins and authentication wait for that, up to {@link #READY_WAIT_SECONDS}.
 *
 * <p>A session ends when its account is deleted or its role or password changes; a token ends
 * when its account is deleted. Tokens and sessions always act with the account's current role
 * and institution.
 */
@Component(service = Accounts.class, immediate = true)
public final class Accounts {

    static final long READY_WAIT_SECONDS = 30;
    static final int MAX_TOKENS_PER_USER = 100;
    /** How often the times tokens were last used are written to the database. */
    static final long TOKEN_USE_FLUSH_SECONDS = 60;
    /** Tokens are this prefix and 256 random bits: the prefix lets secret scanners recognise a leaked one. */
    static final String TOKEN_PREFIX = "nadi_";
    private static final int TOKEN_BYTES = 32;
    private static final System.Logger LOG = System.getLogger(Accounts.class.getName());

    private final Database database;
    private final InitialAdministrator initialAdministrator;
    private final HashingGate hashing = new HashingGate();
    private final SessionStore sessions = new SessionStore();
    /** What a sign-in with an unknown username is checked against, so that it takes as long as any other. */
    private final PasswordHash unknownUser = PasswordHash.unmatchable();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    /** By the SHA-256 of the token. */
    private final Map<String, LiveToken> tokens = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** Held while an account or token changes: the database first, then the copy in memory. */
    private final Object changes = new Object();
    private final Thread loader;
    private final ScheduledExecutorService tokenUse;

    @Activate
    public Accounts(BundleContext context, @Reference Database database) {
        this(database, new InitialAdministrator(dataDirectory(context), System.getenv(), System.out));
    }

    Accounts(Database database, InitialAdministrator initialAdministrator) {
        this.database = database;
        this.initialAdministrator = initialAdministrator;
        this.tokenUse = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "nadi-security-token-use");
            thread.setDaemon(true);
            return thread;
        });
        tokenUse.scheduleWithFixedDelay(this::storeTokenUse, TOKEN_USE_FLUSH_SECONDS, TOKEN_USE_FLUSH_SECONDS, TimeUnit.SECONDS);
        // Reading the accounts (and hashing the first administrator's password) must not hold up the runtime's start.
        this.loader = new Thread(this::load, "nadi-security-accounts");
        loader.setDaemon(true);
        loader.start();
    }

    private static Path dataDirectory(BundleContext context) {
        String configured = context.getProperty("nadi.data.dir");
        return configured != null && !configured.isBlank() ? Path.of(configured) : context.getDataFile("").toPath();
    }

    @Deactivate
    void stop() {
        try {
            loader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        ready.completeExceptionally(new IllegalStateException("the security module stopped"));
        tokenUse.shutdown();
        storeTokenUse();
    }

    // ---- start ---------------------------------------------------------------------------

    private void load() {
        try {
            if (!database.read(AccountTables::hasUsers)) {
                createInitialAdministrator();
            }
            for (Account account : database.read(AccountTables::users)) {
                accounts.put(account.username(), account);
            }
            for (Token token : database.read(AccountTables::tokens)) {
                tokens.put(token.hash(), new LiveToken(token));
            }
            LOG.log(Level.INFO, "{0} accounts and {1} tokens loaded", accounts.size(), tokens.size());
            ready.complete(null);
        } catch (SQLException | RuntimeException failed) {
            LOG.log(Level.ERROR, "The accounts could not be read from the database, so nobody can sign in. Check the"
                    + " database, then restart the runtime.", failed);
            ready.completeExceptionally(failed);
        }
    }

    private void createInitialAdministrator() throws SQLException {
        InitialAdministrator.Password password = initialAdministrator.choose();
        String hash = PasswordHash.of(password.value()).encoded();
        boolean created = database.inTransaction(connection -> {
            if (AccountTables.hasUsers(connection)) {
                return false;
            }
            AccountTables.insertUser(connection, InitialAdministrator.USERNAME, hash, Role.ADMINISTRATOR, Optional.empty(),
                    UtcTime.of(Instant.now()));
            return true;
        });
        if (created) {
            LOG.log(Level.INFO, "Created the initial administrator account ''{0}'' with a {1}", InitialAdministrator.USERNAME,
                    password);
            initialAdministrator.announce(password);
        }
    }

    /** Returns once the accounts are loaded. */
    private void awaitReady() throws ProblemException {
        try {
            ready.get(READY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException stillLoading) {
            throw unavailable("The accounts are still being loaded; try again in a few seconds.");
        } catch (ExecutionException failed) {
            throw unavailable("The accounts could not be read from the database, so nobody can sign in. The server log says why.");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable("The server is stopping.");
        }
    }

    // ---- authentication ------------------------------------------------------------------

    /**
     * The account whose password this is; empty if the username is unknown or the password
     * wrong, which take the same time to tell.
     *
     * @throws ProblemException 503 if too many passwords are being checked at once
     */
    Optional<Account> checkPassword(String username, String password) throws ProblemException {
        awaitReady();
        Account account = accounts.get(username);
        PasswordHash stored = account == null ? unknownUser : storedHash(account);
        boolean matches = hashing.run(() -> stored.matches(password));
        return matches && account != null ? Optional.of(account) : Optional.empty();
    }

    private PasswordHash storedHash(Account account) {
        try {
            return PasswordHash.parse(account.passwordHash());
        } catch (IllegalArgumentException corrupt) {
            LOG.log(Level.ERROR, "The password hash of account ''{0}'' is unreadable ({1}); nobody can sign in as it until an"
                    + " administrator sets a new password (nadi:passwd {0}).", account.username(), corrupt.getMessage());
            return unknownUser;
        }
    }

    /** Starts a session for an account that just signed in, ending the one the client had before, if any. */
    SessionStore.Started startSession(Account account, Optional<String> previousSessionId) {
        previousSessionId.ifPresent(sessions::end);
        return sessions.start(account.username());
    }

    /** A live session and the account it is for; empty if the session has ended or its account is gone. */
    Optional<SignedIn> session(String sessionId) throws ProblemException {
        awaitReady();
        Optional<SessionStore.Session> session = sessions.find(sessionId);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Account account = accounts.get(session.get().username());
        if (account == null) {
            sessions.end(sessionId);
            return Optional.empty();
        }
        return Optional.of(new SignedIn(account.caller(), session.get()));
    }

    /** A session and who it is for. */
    record SignedIn(Caller caller, SessionStore.Session session) {
    }

    void endSession(String sessionId) {
        sessions.end(sessionId);
    }

    /** Who a bearer token acts for; empty if it is unknown or revoked. */
    Optional<Caller> tokenCaller(String token) throws ProblemException {
        awaitReady();
        LiveToken live = tokens.get(Secrets.sha256(token));
        if (live == null) {
            return Optional.empty();
        }
        Account account = accounts.get(live.token.username());
        if (account == null) {
            return Optional.empty();
        }
        live.lastUsed = Instant.now();
        return Optional.of(account.caller());
    }

    // ---- accounts ------------------------------------------------------------------------

    List<Account> list() throws ProblemException {
        awaitReady();
        return storage(() -> database.read(AccountTables::users));
    }

    Account find(String username) throws ProblemException {
        awaitReady();
        return storage(() -> database.read(connection -> AccountTables.user(connection, username))).orElseThrow(() -> noSuchUser(username));
    }

    /** How many tokens each user has, by username. */
    Map<String, Integer> tokenCounts() throws ProblemException {
        awaitReady();
        Map<String, Integer> counts = new HashMap<>();
        tokens.values().forEach(live -> counts.merge(live.token.username(), 1, Integer::sum));
        return counts;
    }

    /** Hashes a new password, waiting for a free permit as sign-ins do. */
    String hash(String password) throws ProblemException {
        return hashing.run(() -> PasswordHash.of(password).encoded());
    }

    /**
     * Creates an account.
     *
     * @param passwordHash from {@link #hash}
     * @throws ProblemException 409 if the username is taken
     */
    Account create(String username, String passwordHash, Role role, Optional<String> institution) throws ProblemException {
        awaitReady();
        synchronized (changes) {
            Account created = storage(() -> database.inTransaction(connection -> {
                if (AccountTables.user(connection, username).isPresent()) {
                    return null;
                }
                return AccountTables.insertUser(connection, username, passwordHash, role, institution, UtcTime.of(Instant.now()));
            }));
            if (created == null) {
                throw new ProblemException(409, "user-exists", "The user exists", "There is already a user '" + username
                        + "'. Choose another username, or change that user with PATCH /api/v1/users/" + username + ".");
            }
            accounts.put(username, created);
            return created;
        }
    }

    /** An account before and after a change. */
    record Edit(Account before, Account after) {
    }

    /**
     * Changes an account, if it is still at the version the client read. A change of role or
     * password ends the account's sessions, except the one the change was made from.
     *
     * @param expectedVersion the version the client read; empty to change whatever is current
     * @param keepSession     the key of the session to keep; {@code null} for none
     * @throws ProblemException 404 if there is no such user, 412 for a stale version, 409 to
     *                          demote the last administrator
     */
    Edit update(String username, Optional<Long> expectedVersion, AccountChange change, String keepSession) throws ProblemException {
        awaitReady();
        Map<String, Object> columns = change.columns(UtcTime.of(Instant.now()));
        synchronized (changes) {
            Edit edit = storage(() -> database.inTransaction(connection -> {
                Optional<Account> before = AccountTables.user(connection, username);
                if (before.isEmpty()) {
                    return null;
                }
                database.updateVersioned(connection, AccountTables.USERS, before.get().id(),
                        expectedVersion.orElse(before.get().version()), columns);
                if (AccountTables.administrators(connection) == 0) {
                    throw new LastAdministrator();
                }
                return new Edit(before.get(), AccountTables.user(connection, username).orElseThrow());
            }));
            if (edit == null) {
                throw noSuchUser(username);
            }
            accounts.put(username, edit.after());
            if (edit.before().role() != edit.after().role() || change.setsPassword()) {
                sessions.endAllOf(username, keepSession);
            }
            if (change.setsPassword() && username.equals(InitialAdministrator.USERNAME)) {
                initialAdministrator.forgetPassword();
            }
            return edit;
        }
    }

    /**
     * Deletes an account with its tokens and sessions.
     *
     * @param by who asks: nobody deletes their own account
     * @return the account as it was
     * @throws ProblemException 404 if there is no such user, 409 for one's own account or the last administrator
     */
    Account delete(String username, String by) throws ProblemException {
        awaitReady();
        if (username.equals(by)) {
            throw new ProblemException(409, "user-is-you", "You cannot delete your own account",
                    "You are signed in as '" + username + "'. Another administrator can delete this account.");
        }
        synchronized (changes) {
            Account deleted = storage(() -> database.inTransaction(connection -> {
                Optional<Account> account = AccountTables.user(connection, username);
                if (account.isEmpty()) {
                    return null;
                }
                AccountTables.deleteUser(connection, username);
                if (AccountTables.administrators(connection) == 0) {
                    throw new LastAdministrator();
                }
                return account.get();
            }));
            if (deleted == null) {
                throw noSuchUser(username);
            }
            accounts.remove(username);
            tokens.values().removeIf(live -> live.token.username().equals(username));
            sessions.endAllOf(username, null);
            return deleted;
        }
    }

    // ---- tokens --------------------------------------------------------------------------

    /** A token just created, with the secret that is shown only once. */
    record NewToken(Token token, String secret) {
    }

    /**
     * Creates a bearer token for a user.
     *
     * @throws ProblemException 409 if the user has {@link #MAX_TOKENS_PER_USER} already
     */
    NewToken createToken(String username, String name) throws ProblemException {
        awaitReady();
        String secret = TOKEN_PREFIX + Secrets.random(TOKEN_BYTES);
        String hash = Secrets.sha256(secret);
        synchronized (changes) {
            if (!accounts.containsKey(username)) {
                throw noSuchUser(username);
            }
            if (tokensOf(username).size() >= MAX_TOKENS_PER_USER) {
                throw new ProblemException(409, "too-many-tokens", "Too many tokens", "You have " + MAX_TOKENS_PER_USER
                        + " tokens, the most an account may have. Revoke those you no longer use"
                        + " (DELETE /api/v1/auth/tokens/{id}) and try again.");
            }
            Token token = storage(() -> database.inTransaction(connection ->
                    AccountTables.insertToken(connection, username, name, hash, UtcTime.of(Instant.now()))));
            tokens.put(hash, new LiveToken(token));
            return new NewToken(token, secret);
        }
    }

    /** A user's tokens, oldest first, with when each was last used (null if never). */
    List<Token> tokensOf(String username) {
        List<Token> owned = new ArrayList<>();
        for (LiveToken live : tokens.values()) {
            if (live.token.username().equals(username)) {
                owned.add(live.current());
            }
        }
        owned.sort(Comparator.comparingLong(Token::id));
        return owned;
    }

    /** The token with this id, if the caller may see it: their own, or anyone's for an administrator. */
    Optional<Token> token(Caller caller, long id) throws ProblemException {
        awaitReady();
        return tokens.values().stream()
                .filter(live -> live.token.id() == id)
                .filter(live -> live.token.username().equals(caller.username()) || caller.role().includes(Role.ADMINISTRATOR))
                .map(LiveToken::current)
                .findFirst();
    }

    /**
     * Revokes a token: requests with it are refused from now on.
     *
     * @throws ProblemException 404 if the caller has no such token (another user's counts as none,
     *                          except for an administrator)
     */
    Token revokeToken(Caller caller, long id) throws ProblemException {
        synchronized (changes) {
            Token token = token(caller, id).orElseThrow(() -> noSuchToken(id));
            storage(() -> database.inTransaction(connection -> {
                AccountTables.deleteToken(connection, id);
                return null;
            }));
            tokens.remove(token.hash());
            return token;
        }
    }

    static ProblemException noSuchToken(long id) {
        return ProblemException.notFound("You have no token " + id + ". GET /api/v1/auth/tokens lists yours.");
    }

    /** Writes when tokens were last used, for those used since it was last written. */
    private void storeTokenUse() {
        List<LiveToken> used = tokens.values().stream().filter(LiveToken::usedSinceStored).toList();
        if (used.isEmpty()) {
            return;
        }
        try {
            database.inTransaction(connection -> {
                for (LiveToken live : used) {
                    AccountTables.recordTokenUse(connection, live.token.id(), UtcTime.of(live.lastUsed));
                }
                return null;
            });
            used.forEach(LiveToken::stored);
        } catch (SQLException | RuntimeException failed) {
            LOG.log(Level.WARNING, "Could not record when tokens were last used; trying again later: {0}", failed.getMessage());
        }
    }

    /** A token in memory, with when it was last used, which reaches the database only every minute or so. */
    private static final class LiveToken {

        final Token token;
        volatile Instant lastUsed;
        private volatile Instant lastStored;

        LiveToken(Token token) {
            this.token = token;
        }

        Token current() {
            Instant used = lastUsed;
            return used == null ? token
                    : new Token(token.id(), token.username(), token.name(), token.hash(), token.createdAt(), UtcTime.of(used));
        }

        boolean usedSinceStored() {
            Instant used = lastUsed;
            return used != null && !used.equals(lastStored);
        }

        void stored() {
            lastStored = lastUsed;
        }
    }

    // ---- failures ------------------------------------------------------------------------

    static ProblemException noSuchUser(String username) {
        return ProblemException.notFound("There is no user '" + username + "'. GET /api/v1/users lists them.");
    }

    /** Thrown within a transaction to roll it back: the change would have left no administrator. */
    private static final class LastAdministrator extends SQLException {

        private static final long serialVersionUID = 1L;
    }

    @FunctionalInterface
    private interface StorageWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs database work. A stale version is the client's 412 (404 if the account is gone);
     * any other failure is the server's, answered 503 without internals and logged.
     */
    private static <T> T storage(StorageWork<T> work) throws ProblemException {
        try {
            return work.run();
        } catch (LastAdministrator lastOne) {
            throw new ProblemException(409, "last-administrator", "The last administrator must stay",
                    "This is the only administrator account; without it nobody could administer the platform. Make another"
                            + " account an administrator first.");
        } catch (StaleVersionException stale) {
            if (stale.currentVersion().isEmpty()) {
                throw ProblemException.notFound("The user no longer exists.");
            }
            throw ProblemException.staleVersion("The user is at version " + stale.currentVersion().getAsLong() + ", not "
                    + stale.expectedVersion() + ": someone changed it since you read it. Nothing was changed; GET it again and"
                    + " reapply your change with its new ETag.");
        } catch (SQLException failed) {
            LOG.log(Level.ERROR, "Accounts: the database failed", failed);
            throw unavailable("The accounts could not be read or written just now; try again shortly.");
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, "accounts-unavailable", "Accounts unavailable", detail);
    }
}
