package org.nadi.platform.security.internal;

import java.util.LinkedHashMap;
import java.util.Map;
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
 * Bearer tokens, for scripts and other programs: each signed-in user creates, lists and
 * revokes their own ({@code /api/v1/auth/tokens}); an administrator may also revoke anyone's.
 * A token is shown once, when it is created; the server keeps only its SHA-256. It acts with
 * its owner's current role and institution until it is revoked or the owner's account deleted.
 */
@Component(service = RestResource.class)
public final class TokenResource implements RestResource {

    private static final String TOKENS = "/api/v1/auth/tokens";
    private static final Access SIGNED_IN = Access.role(Role.OBSERVER);

    private final Accounts accounts;

    @Activate
    public TokenResource(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    /** A token just created: the only answer that holds the token itself. */
    public record CreatedToken(long id, String name, String token, String createdAt) {
    }

    /**
     * A token as listed: never the token itself.
     *
     * @param lastUsedAt when it last authenticated a request; null if never
     */
    public record TokenView(long id, String name, String createdAt, String lastUsedAt) {

        static TokenView of(Token token) {
            return new TokenView(token.id(), token.name(), token.createdAt(), token.lastUsedAt());
        }
    }

    @Override
    public void declareRoutes(Routes routes) {
        routes.post(TOKENS, SIGNED_IN, request -> {
            String name = AccountRules.tokenName(JsonFields.of(request, Set.of("name")).text("name"));
            Accounts.NewToken created = accounts.createToken(request.caller().orElseThrow().username(), name);
            Token token = created.token();
            request.audit("token", String.valueOf(token.id()), null, summary(token));
            return ApiResponse.created(TOKENS + "/" + token.id(), new CreatedToken(token.id(), name, created.secret(), token.createdAt()));
        });
        routes.get(TOKENS, SIGNED_IN, request ->
                ApiResponse.ok(accounts.tokensOf(request.caller().orElseThrow().username()).stream().map(TokenView::of).toList()));
        routes.get(TOKENS + "/{id}", SIGNED_IN, request -> {
            long id = idOf(request);
            return ApiResponse.ok(TokenView.of(accounts.token(request.caller().orElseThrow(), id)
                    .orElseThrow(() -> Accounts.noSuchToken(id))));
        });
        routes.delete(TOKENS + "/{id}", SIGNED_IN, request -> {
            Caller caller = request.caller().orElseThrow();
            Token revoked = accounts.revokeToken(caller, idOf(request));
            request.audit("token", String.valueOf(revoked.id()), summary(revoked), null);
            return ApiResponse.noContent();
        });
    }

    private static long idOf(ApiRequest request) throws ProblemException {
        String id = request.pathParameter("id");
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException notANumber) {
            throw ProblemException.notFound("There is no token '" + id + "'; token ids are numbers. GET " + TOKENS + " lists yours.");
        }
    }

    /** A token as the audit trail records it: whose it is and its name, never the token. */
    private static Map<String, Object> summary(Token token) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("username", token.username());
        summary.put("name", token.name());
        return summary;
    }
}
