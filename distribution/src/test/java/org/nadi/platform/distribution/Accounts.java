package org.nadi.platform.distribution;

/** Accounts for tests, made through the administrator's REST API as an administrator would. */
final class Accounts {

    private Accounts() {
    }

    /** The password {@link #create} gives an account. */
    static String passwordOf(String username) {
        return username + "-secret-1";
    }

    /**
     * Creates an account with {@link #passwordOf its password} and answers a client signed in
     * as it with a bearer token.
     *
     * @param institution the account's institution, or null for none
     */
    static ApiClient create(NadiRuntime runtime, String username, String role, String institution) {
        String json = "{\"username\": \"" + username + "\", \"password\": \"" + passwordOf(username) + "\", \"role\": \"" + role
                + "\"" + (institution == null ? "" : ", \"institution\": \"" + institution + "\"") + "}";
        runtime.admin().postJson("/api/v1/users", json).assertJson(201);
        return runtime.withToken(username, passwordOf(username));
    }
}
