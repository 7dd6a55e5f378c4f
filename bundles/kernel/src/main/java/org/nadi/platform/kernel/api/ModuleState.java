package org.nadi.platform.kernel.api;

/** The state of a module as an administrator sees it. */
public enum ModuleState {
    /** Started and working: its bundle is active and none of its components failed. */
    ENABLED,
    /** Installed and resolvable but switched off by an administrator; stays off across restarts. */
    DISABLED,
    /** Meant to run but not running: see {@link InstalledModule#reason()} for why. */
    FAILED,
    /** Cannot run because something it needs is missing: the reason names the missing requirement. */
    UNRESOLVED
}
