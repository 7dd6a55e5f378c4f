package org.nadi.platform.kernel.api;

import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;

/**
 * The parsed {@code NADI-Module} manifest header: {@code id[; core=true]}. The one parser of
 * that header: the kernel, the platform services and institutions' bundles use it alike.
 *
 * @param id   the module id: lower-case letters, digits and single hyphens, at most 40 characters
 * @param core whether this is a platform module that cannot be disabled or uninstalled
 */
public record ModuleHeader(String id, boolean core) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final int MAX_ID_LENGTH = 40;

    /** The header of an installed bundle, if it has a well-formed one. */
    public static Optional<ModuleHeader> of(Bundle bundle) {
        String value = bundle.getHeaders("").get(ModuleRegistry.MODULE_HEADER);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(value));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Parses a header value.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and how to fix it
     */
    public static ModuleHeader parse(String value) {
        String[] clauses = value.split(";");
        String id = clauses[0].trim();
        if (id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("the " + ModuleRegistry.MODULE_HEADER + " id '" + id
                    + "' is not valid: use lower-case letters, digits and single hyphens, starting with a letter,"
                    + " at most " + MAX_ID_LENGTH + " characters (for example 'cyber-programme')");
        }
        boolean core = false;
        for (int i = 1; i < clauses.length; i++) {
            String[] attribute = clauses[i].trim().split("=", 2);
            if (attribute.length != 2 || !attribute[0].trim().equals("core")) {
                throw new IllegalArgumentException("the " + ModuleRegistry.MODULE_HEADER + " attribute '"
                        + clauses[i].trim() + "' is not known: the only attribute is 'core=true'");
            }
            core = Boolean.parseBoolean(attribute[1].trim());
        }
        return new ModuleHeader(id, core);
    }
}
