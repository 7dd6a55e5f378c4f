package org.nadi.platform.kernel.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The modules installed in this runtime and the operations that change them.
 *
 * <p>Every change takes effect at once and survives a restart. Operations are serialised:
 * one runs at a time. A module whose activator throws or hangs is reported with a
 * {@link ModuleException}; it never takes the runtime or other modules down.
 */
@ProviderType
public interface ModuleRegistry {

    /** The manifest header that makes a bundle a module: {@code NADI-Module: id[; core=true]}. */
    String MODULE_HEADER = "NADI-Module";

    /** All installed modules, ordered by id. */
    List<InstalledModule> modules();

    /** The module with this id, if installed. */
    Optional<InstalledModule> module(String id);

    /**
     * What keeps the runtime from being healthy: one line for each module that is meant to run
     * but does not. Empty when every enabled module is active.
     */
    List<String> healthProblems();

    /**
     * Enables a module, enabling first every module it requires.
     *
     * @return the module as it is afterwards
     */
    InstalledModule enable(String id) throws ModuleException;

    /**
     * Disables a module. If enabled modules need it, the call is refused with
     * {@link ModuleException.Problem#HAS_DEPENDENTS} unless {@code cascade} is true, in which
     * case those modules are disabled first.
     *
     * @return the module as it is afterwards
     */
    InstalledModule disable(String id, boolean cascade) throws ModuleException;

    /**
     * Installs and enables the module in a jar file. On any failure nothing stays installed.
     *
     * @return the installed module
     */
    InstalledModule install(Path jar) throws ModuleException;

    /**
     * Replaces an installed module with a new version of it. The jar must carry the same
     * module id. A module that was enabled is enabled again afterwards.
     *
     * @return the module as it is afterwards
     */
    InstalledModule update(String id, Path jar) throws ModuleException;

    /**
     * Uninstalls a module that has no data and refreshes the packages wired to it. Refused with
     * {@link ModuleException.Problem#HAS_DEPENDENTS} while enabled modules need it, unless
     * {@code cascade} is true, in which case they are disabled first.
     */
    void uninstall(String id, boolean cascade) throws ModuleException;

    /**
     * Uninstalls a module, as {@link #uninstall(String, boolean)}, and keeps or drops its data.
     * Without a choice ({@code data} null) a module that has data (see
     * {@link ModuleDataHolder}) is refused with {@link ModuleException.Problem#DATA_CHOICE_REQUIRED}.
     * {@link #uninstall(String, boolean)} is this without a choice.
     *
     * @param data {@link DataChoice#KEEP}, {@link DataChoice#DROP}, or null for a module that has no data
     * @since 1.1
     */
    void uninstall(String id, boolean cascade, DataChoice data) throws ModuleException;
}
