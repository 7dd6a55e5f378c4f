/**
 * How a module adds REST routes under {@code /api/v1}: register a {@link
 * org.nadi.platform.web.api.RestResource} service (a Declarative Services component is
 * enough). Its routes exist while the service is registered, so they appear when the module
 * is enabled and disappear when it is disabled.
 *
 * <p>Handlers return plain Java objects and records, written as JSON; they report bad input
 * by throwing {@link org.nadi.platform.web.api.ProblemException}, written as
 * {@code application/problem+json} (RFC 9457). Every route declares who may call it
 * ({@link org.nadi.platform.web.api.Access}); there is no default.
 */
@Export
@Version("1.1.0")
package org.nadi.platform.web.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
