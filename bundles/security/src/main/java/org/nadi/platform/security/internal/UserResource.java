package org.nadi.platform.security.internal;

import java.util.Optional;
import java.util.Set;

import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.api.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * User accounts, for administrators: {@code GET/POST /api/v1/users},
 * {@code GET/PATCH/DELETE /api/v1/users/{username}}. An account is an editable record: reads
 * carry its version as the ETag, and a PATCH must send it back in {@code If-Match}. Nobody
 * deletes their own account, and the last administrator can be neither deleted nor demoted.
 * Every change goes to the audit trail without the password hash.
 */
@Component(service = RestResource.class)
public final class UserResource implements RestResource {

    private static final String USERS = "/api/v1/users";
    private static final Access ADMINISTRATORS = Access.role(Role.ADMINISTRATOR);

    private final Accounts accounts;

    @Activate
    public UserResource(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * An account as the API shows it: never its password.
     *
     * @param institution the institution's id; null for none
     * @param version     the ETag to send back in {@code If-Match} to change it
     */
    public record UserView(String username, String role, String institution, long version, String createdAt, String updatedAt) {

        static UserView of(Account account) {
            return new UserView(account.username(), account.role().id(), account.institution().orElse(null), account.version(),
                    account.createdAt(), account.updatedAt());
        }
    }

    @Override
    public void declareRoutes(Routes routes) {
        routes.get(USERS, ADMINISTRATORS, request -> ApiResponse.ok(accounts.list().stream().map(UserView::of).toList()));
        routes.get(USERS + "/{username}", ADMINISTRATORS, request -> {
            Account account = accounts.find(request.pathParameter("username"));
            return ApiResponse.ok(UserView.of(account)).withETag(account.version());
        });
        routes.post(USERS, ADMINISTRATORS, this::create);
        routes.patch(USERS + "/{username}", ADMINISTRATORS, this::change);
        routes.delete(USERS + "/{username}", ADMINISTRATORS, request -> {
            String username = request.pathParameter("username");
            Account deleted = accounts.delete(username, request.caller().orElseThrow().username());
            request.audit("user", username, deleted.summary(), null);
            return ApiResponse.noContent();
        });
    }

    private ApiResponse create(ApiRequest request) throws ProblemException {
        JsonFields body = JsonFields.of(request, Set.of("username", "password", "role", "institution"));
        String username = AccountRules.username(body.text("username"));
        String password = AccountRules.password(body.text("password"));
        Role role = AccountRules.role(body.text("role"));
        Optional<String> institution = AccountRules.institution(body.text("institution"));
        Account created = accounts.create(username, accounts.hash(password), role, institution);
        request.audit("user", username, null, created.summary());
        return ApiResponse.created(USERS + "/" + username, UserView.of(created)).withETag(created.version());
    }

    private ApiResponse change(ApiRequest request) throws ProblemException {
        String username = request.pathParameter("username");
        long expectedVersion = request.ifMatchVersion();
        JsonFields body = JsonFields.of(request, Set.of("role", "institution", "password"));
        if (!body.has("role") && !body.has("institution") && !body.has("password")) {
            throw ProblemException.badRequest("Nothing to change: send any of role, institution (null or \"\" for none) and"
                    + " password, e.g. {\"role\": \"delegate\"}.");
        }
        AccountChange change = new AccountChange();
        if (body.has("role")) {
            change.role(AccountRules.role(body.text("role")));
        }
        if (body.has("institution")) {
            change.institution(AccountRules.institution(body.text("institution")));
        }
        if (body.has("password")) {
            change.passwordHash(accounts.hash(AccountRules.password(body.text("password"))));
        }
        String keep = Credentials.of(request).sessionId().map(SessionStore::keyOf).orElse(null);
        Accounts.Edit edit = accounts.update(username, Optional.of(expectedVersion), change, keep);
        request.audit("user", username, edit.before().summary(),
                change.setsPassword() ? edit.after().summaryWithNewPassword() : edit.after().summary());
        return ApiResponse.ok(UserView.of(edit.after())).withETag(edit.after().version());
    }
}
