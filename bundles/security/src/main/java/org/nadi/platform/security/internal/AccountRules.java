package org.nadi.platform.security.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.Role;

/**
 * What a valid username, password, role, institution and token name are. Each check answers
 * the value to use, or a 400 that says what is wrong and what would be accepted.
 */
final class AccountRules {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_PASSWORD_LENGTH = 128;
    static final int MAX_INSTITUTION_LENGTH = 100;
    static final int MAX_TOKEN_NAME_LENGTH = 100;

    private AccountRules() {
    }

    static String username(String username) throws ProblemException {
        if (username == null || username.isEmpty()) {
            throw ProblemException.badRequest("A username is required.");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw ProblemException.badRequest("The username '" + shortened(username) + "' is not valid: use 1 to 64 lower-case"
                    + " letters, digits, dots, hyphens and underscores, starting with a letter or digit (e.g. 'j.smith').");
        }
        return username;
    }

    static String password(String password) throws ProblemException {
        if (password == null) {
            throw ProblemException.badRequest("A password is required.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
            throw ProblemException.badRequest("The password has " + length + " characters; use " + MIN_PASSWORD_LENGTH + " to "
                    + MAX_PASSWORD_LENGTH + ". A passphrase of several words is easy to remember and hard to guess.");
        }
        return password;
    }

    static Role role(String role) throws ProblemException {
        if (role == null || role.isEmpty()) {
            throw ProblemException.badRequest("A role is required: one of " + roleIds() + ".");
        }
        return Role.fromId(role).orElseThrow(() -> ProblemException.badRequest("There is no role '" + shortened(role)
                + "'; use one of " + roleIds() + "."));
    }

    /**
     * An institution's id, or none: {@code null} and the empty string mean the account belongs to
     * no institution.
     */
    static Optional<String> institution(String institution) throws ProblemException {
        if (institution == null || institution.isEmpty()) {
            return Optional.empty();
        }
        if (institution.length() > MAX_INSTITUTION_LENGTH || !institution.strip().equals(institution)
                || institution.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest("The institution '" + shortened(institution) + "' is not valid: an institution's id"
                    + " has 1 to " + MAX_INSTITUTION_LENGTH + " characters, without control characters or spaces at either end."
                    + " Send null or \"\" for none.");
        }
        return Optional.of(institution);
    }

    static String tokenName(String name) throws ProblemException {
        if (name == null || name.isBlank() || name.length() > MAX_TOKEN_NAME_LENGTH
                || name.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest("A token needs a name of 1 to " + MAX_TOKEN_NAME_LENGTH + " characters that says"
                    + " where it is used, e.g. {\"name\": \"nightly report script\"}.");
        }
        return name;
    }

    /** The role ids in order, for messages: {@code observer, delegate, secretariat, administrator}. */
    static String roleIds() {
        return Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", "));
    }

    /** A value quoted back in a message, cut short so that a huge one does not fill the answer. */
    private static String shortened(String value) {
        return value.length() <= 70 ? value : value.substring(0, 67) + "...";
    }
}
