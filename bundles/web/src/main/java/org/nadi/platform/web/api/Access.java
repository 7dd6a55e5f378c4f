package org.nadi.platform.web.api;

/** Who may call a route. Every route declares one; nothing is open by default. */
public enum Access {
    /** Anyone, from anywhere: for read-only, non-sensitive routes such as health. */
    PUBLIC,
    /** Only clients on this machine (loopback addresses): for administration until accounts exist. */
    LOOPBACK
}
