package org.nadi.platform.kernel.api;

/**
 * What becomes of a module's data when it is uninstalled.
 *
 * @since 1.1
 */
public enum DataChoice {
    /** The data stays, for a later installation of the module. */
    KEEP,
    /** The data is deleted with the module. */
    DROP
}
