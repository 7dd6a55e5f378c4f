package org.nadi.platform.web.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.Bundle;

/**
 * A whiteboard service that publishes a folder of static files inside a bundle: a browser
 * view's scripts and stylesheets, say. The platform serves {@code GET {path}/{file}} from the
 * bundle's entries (the bundle's code is not run) while the service is registered, to the
 * callers the access rule admits, with an {@code ETag}, revalidation ({@code no-cache}) and
 * gzip for clients that accept it. Only {@code .html}, {@code .js}, {@code .css},
 * {@code .json}, {@code .svg}, {@code .png} and {@code .woff2} files are served.
 *
 * @since 2.2
 */
@ConsumerType
public interface StaticFolder {

    /** Where the files are served: {@code /} and segments, e.g. {@code /modules/example}; never under {@code /api}. */
    String path();

    /** The bundle whose entries are served. */
    Bundle bundle();

    /** The folder inside the bundle, without leading or trailing slash, e.g. {@code workbench}. */
    String folder();

    /** Who may read the files; {@link Access#ANYONE} for a sign-in page's assets. */
    Access access();

    /**
     * A file of this folder that answers {@code GET /}, the site's front page. When several
     * folders claim it, the one registered first keeps it.
     */
    default Optional<String> frontPage() {
        return Optional.empty();
    }
}
