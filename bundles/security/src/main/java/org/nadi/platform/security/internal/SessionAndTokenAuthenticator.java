package org.nadi.platform.security.internal;

import java.util.Optional;

import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.Authenticator;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells the REST API who sent a request: from an {@code Authorization: Bearer} token (no CSRF
 * token needed: a browser never sends one by itself) or from the {@code nadi_session} cookie
 * (whose state-changing requests must repeat the session's CSRF token). Credentials that are
 * there but unknown, expired or revoked are refused with 401 rather than ignored, so the client
 * learns it must sign in again.
 */
@Component(service = Authenticator.class)
public final class SessionAndTokenAuthenticator implements Authenticator {

    private final Accounts accounts;

    @Activate
    public SessionAndTokenAuthenticator(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Authentication> authenticate(ApiRequest request) throws ProblemException {
        Credentials credentials = Credentials.of(request);
        if (credentials.bearer()) {
            String token = credentials.bearerToken().orElseThrow(() -> ProblemException.unauthorized(
                    "Send a token as 'Authorization: Bearer TOKEN'; other authorization schemes are not accepted."));
            Caller caller = accounts.tokenCaller(token).orElseThrow(() -> ProblemException.unauthorized(
                    "This token is unknown or revoked. Create a new one with POST /api/v1/auth/tokens."));
            return Optional.of(new Authentication(caller, Optional.empty()));
        }
        if (credentials.sessionId().isEmpty()) {
            return Optional.empty();
        }
        Accounts.SignedIn signedIn = accounts.session(credentials.sessionId().get()).orElseThrow(() ->
                ProblemException.unauthorized("Your session has ended; sign in again."));
        return Optional.of(new Authentication(signedIn.caller(), Optional.of(signedIn.session().csrfToken())));
    }
}
