package org.nadi.platform.security.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.api.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Signing in and out, and one's own password.
 *
 * <ul>
 * <li>{@code POST /api/v1/auth/login} with {@code {"username", "password"}} starts a browser
 * session: the {@code nadi_session} cookie, and in the body the CSRF token that every request
 * of the session that changes something must repeat in {@code X-CSRF-Token}.</li>
 * <li>{@code POST /api/v1/auth/logout} ends the session.</li>
 * <li>{@code GET /api/v1/auth/me} says who is signed in (with the session's CSRF token, which a
 * page that was reloaded needs again).</li>
 * <li>{@code POST /api/v1/auth/password} with {@code {"currentPassword", "newPassword"}}
 * changes one's password and ends one's other sessions.</li>
 * </ul>
 *
 * <p>Wrong passwords are {@linkplain LoginThrottle throttled} per username and per address.
 */
@Component(service = RestResource.class)
public final class SessionResource implements RestResource {

    private static final String AUTH = "/api/v1/auth";
    private static final Access SIGNED_IN = Access.role(Role.OBSERVER);
    private static final String WRONG_CREDENTIALS = "The username or password is wrong.";

    private final Accounts accounts;
    private final LoginThrottle throttle = new LoginThrottle();

    @Activate
    public SessionResource(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * Who is signed in, as sign-in and {@code /me} answer it.
     *
     * @param institution the institution's id; null for none
     * @param csrfToken   what a browser session repeats in {@code X-CSRF-Token}; null for a bearer token
     */
    public record SignedIn(String username, String role, String institution, String csrfToken) {

        static SignedIn of(Caller caller, String csrfToken) {
            return new SignedIn(caller.username(), caller.role().id(), caller.institution().orElse(null), csrfToken);
        }
    }

    @Override
    public void declareRoutes(Routes routes) {
        routes.post(AUTH + "/login", Access.ANYONE, this::signIn);
        routes.post(AUTH + "/logout", SIGNED_IN, this::signOut);
        routes.get(AUTH + "/me", SIGNED_IN, this::me);
        routes.post(AUTH + "/password", SIGNED_IN, this::changePassword);
    }

    private ApiResponse signIn(ApiRequest request) throws ProblemException {
        JsonFields body = JsonFields.of(request, Set.of("username", "password"));
        String username = body.text("username");
        String password = body.text("password");
        if (username == null || password == null) {
            throw ProblemException.badRequest("Send your username and password: {\"username\": \"...\", \"password\": \"...\"}.");
        }
        String name = username.trim().toLowerCase(Locale.ROOT);
        Account account = checkPassword(name, password, request.remoteAddress(), WRONG_CREDENTIALS);
        Optional<String> previousSession = request.header("Cookie").flatMap(SessionCookie::in);
        SessionStore.Started session = accounts.startSession(account, previousSession);
        request.audit("session", account.username(), null, Map.of("signedIn", true));
        return ApiResponse.ok(SignedIn.of(account.caller(), session.session().csrfToken()))
                .withHeader("Set-Cookie", SessionCookie.set(session.id(), request.secure()));
    }

    private ApiResponse signOut(ApiRequest request) throws ProblemException {
        Credentials credentials = Credentials.of(request);
        if (credentials.bearer()) {
            throw ProblemException.badRequest("A bearer token has no session to end. To stop a token from working, revoke it"
                    + " with DELETE /api/v1/auth/tokens/{id} (GET /api/v1/auth/tokens lists yours).");
        }
        credentials.sessionId().ifPresent(accounts::endSession);
        request.audit("session", request.caller().orElseThrow().username(), Map.of("signedIn", true), Map.of("signedIn", false));
        return ApiResponse.noContent().withHeader("Set-Cookie", SessionCookie.clear(request.secure()));
    }

    private ApiResponse me(ApiRequest request) throws ProblemException {
        Optional<String> sessionId = Credentials.of(request).sessionId();
        String csrfToken = null;
        if (sessionId.isPresent()) {
            csrfToken = accounts.session(sessionId.get()).map(signedIn -> signedIn.session().csrfToken()).orElse(null);
        }
        return ApiResponse.ok(SignedIn.of(request.caller().orElseThrow(), csrfToken));
    }

    private ApiResponse changePassword(ApiRequest request) throws ProblemException {
        JsonFields body = JsonFields.of(request, Set.of("currentPassword", "newPassword"));
        String current = body.text("currentPassword");
        if (current == null || !body.has("newPassword")) {
            throw ProblemException.badRequest("Send your current password and the new one:"
                    + " {\"currentPassword\": \"...\", \"newPassword\": \"...\"}.");
        }
        String newPassword = AccountRules.password(body.text("newPassword"));
        String username = request.caller().orElseThrow().username();
        checkPassword(username, current, request.remoteAddress(), "Your current password is wrong; nothing was changed.");
        String keep = Credentials.of(request).sessionId().map(SessionStore::keyOf).orElse(null);
        Accounts.Edit edit = accounts.update(username, Optional.empty(), new AccountChange().passwordHash(accounts.hash(newPassword)),
                keep);
        request.audit("user", username, edit.before().summary(), edit.after().summaryWithNewPassword());
        return ApiResponse.noContent();
    }

    /**
     * The account whose password this is, unless the username or the address has failed too
     * often lately (429, without checking the password).
     *
     * @param wrong what to answer (401) when the password is wrong
     */
    private Account checkPassword(String username, String password, String address, String wrong) throws ProblemException {
        Optional<Duration> wait = throttle.waitBefore(username, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new ProblemException(429, "too-many-failed-sign-ins", "Too many failed sign-ins",
                    "There were too many wrong passwords for this account or from your address lately. Wait " + seconds
                            + " seconds, then try again.")
                    .withHeader("Retry-After", String.valueOf(seconds));
        }
        // A password longer than any valid one is wrong without hashing it.
        Optional<Account> account = password.length() > 4 * AccountRules.MAX_PASSWORD_LENGTH ? Optional.empty()
                : accounts.checkPassword(username, password);
        if (account.isEmpty()) {
            throttle.failed(username, address);
            throw ProblemException.unauthorized(wrong);
        }
        throttle.succeeded(username);
        return account.get();
    }
}
