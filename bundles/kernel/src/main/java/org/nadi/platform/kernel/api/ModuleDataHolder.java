package org.nadi.platform.kernel.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A platform service that keeps data on behalf of modules: storage keeps a module's tables.
 * Register an implementation as an OSGi service.
 *
 * <p>Disabling a module never touches its data. Uninstalling one that has data needs the
 * administrator's choice ({@link DataChoice}): the {@link ModuleRegistry} asks every holder
 * for {@link #dataOf(String)} and refuses an uninstall without a choice if any holds something;
 * after an uninstall with {@link DataChoice#DROP} it calls {@link #drop(String)} on each.
 * Kept data is there again if the module is installed again.
 *
 * @since 1.1
 */
@ConsumerType
public interface ModuleDataHolder {

    /**
     * What this service holds of the module, for the administrator, e.g.
     * {@code "tables example_notes, example_tags"}; empty if nothing.
     */
    Optional<String> dataOf(String moduleId);

    /**
     * Deletes everything this service holds of the module. Called after the module was
     * uninstalled with {@link DataChoice#DROP}.
     *
     * @throws IllegalStateException if the data could not be deleted; the message says why
     */
    void drop(String moduleId);
}
