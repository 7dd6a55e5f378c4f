package org.nadi.platform.kernel.api;

import java.util.List;

/**
 * An administrative operation was refused or failed. The message says what went wrong and,
 * where there is one, how to put it right; {@link #problem()} classifies it so that callers
 * (the REST API, the shell) can answer appropriately.
 */
public class ModuleException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Problem {
        /** No module with the given id is installed. */
        NOT_FOUND,
        /** The operation is not allowed on a core platform module. */
        CORE_MODULE,
        /** Other enabled modules need this one; see {@link ModuleException#dependents()}. */
        HAS_DEPENDENTS,
        /** The uploaded file is not a valid module jar. */
        INVALID_JAR,
        /** A module with this id, or a bundle with this symbolic name and version, is installed already. */
        ALREADY_INSTALLED,
        /** The module cannot be resolved: something it requires is missing. */
        UNRESOLVABLE,
        /** The module's activator or components threw while starting or stopping. */
        ACTIVATION_FAILED,
        /** The module's activator did not return in time. */
        ACTIVATION_TIMEOUT,
        /** Another administrative operation is still running. */
        BUSY,
        /** The module to uninstall has data: the administrator must choose to keep or drop it ({@link DataChoice}). */
        DATA_CHOICE_REQUIRED,
        /** The module was uninstalled but its data could not be dropped. */
        DATA_NOT_DROPPED
    }

    private final Problem problem;
    private final List<String> dependents;

    public ModuleException(Problem problem, String message) {
        this(problem, message, List.of(), null);
    }

    public ModuleException(Problem problem, String message, Throwable cause) {
        this(problem, message, List.of(), cause);
    }

    public ModuleException(Problem problem, String message, List<String> dependents, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.dependents = List.copyOf(dependents);
    }

    public Problem problem() {
        return problem;
    }

    /** For {@link Problem#HAS_DEPENDENTS}: the ids of the modules that need the one named. */
    public List<String> dependents() {
        return dependents;
    }
}
