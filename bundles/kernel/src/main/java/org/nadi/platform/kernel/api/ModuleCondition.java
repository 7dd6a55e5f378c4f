package org.nadi.platform.kernel.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.Bundle;

/**
 * A platform service's verdict on whether a module can work, for what the framework alone
 * cannot see: for example, storage reports a module whose schema migration failed.
 *
 * <p>Register an implementation as an OSGi service. The {@link ModuleRegistry} asks every
 * registered condition right after it starts a module, and whenever it describes an active
 * one: a module for which any condition reports a problem is {@link ModuleState#FAILED} with
 * that problem as the reason, and an enable or install that meets one is refused and rolled
 * back, exactly as if the module's activator had thrown.
 *
 * <p>Implementations must answer quickly and must not call the {@link ModuleRegistry}.
 *
 * @since 1.1
 */
@ConsumerType
public interface ModuleCondition {

    /**
     * Why this module cannot work, if it cannot.
     *
     * @param module the module's bundle, active or starting
     * @return a sentence for the administrator, e.g. {@code "migration V002__add_index.sql failed: ..."};
     *         empty when this condition has nothing against the module
     */
    Optional<String> problem(Bundle module);
}
