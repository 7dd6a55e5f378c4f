package org.nadi.platform.kernel.api;

import java.util.List;

/**
 * One module as the registry sees it at the moment it was asked.
 *
 * @param id          the module id from the {@code NADI-Module} header, e.g. {@code membership}
 * @param name        human-readable name ({@code Bundle-Name})
 * @param description what the module does ({@code Bundle-Description}), may be empty
 * @param version     the bundle version
 * @param vendor      the institution that ships it ({@code Bundle-Vendor})
 * @param core        true for platform modules that cannot be disabled or uninstalled
 * @param state       the current state
 * @param reason      why the module is {@link ModuleState#FAILED} or {@link ModuleState#UNRESOLVED};
 *                    {@code null} otherwise
 * @param requires    ids of the modules this one needs, from the OSGi wiring and declared service
 *                    requirements
 * @param requiredBy  ids of the modules that need this one
 */
public record InstalledModule(
        String id,
        String name,
        String description,
        String version,
        String vendor,
        boolean core,
        ModuleState state,
        String reason,
        List<String> requires,
        List<String> requiredBy) {

    public InstalledModule {
        requires = List.copyOf(requires);
        requiredBy = List.copyOf(requiredBy);
    }
}
