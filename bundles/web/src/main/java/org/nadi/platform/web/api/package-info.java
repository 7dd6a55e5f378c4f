/**
 * How a module adds REST routes under {@code /api/v1}: register a {@link
 * org.nadi.platform.web.api.RestResource} service (a Declarative Services component is
 * enough). Its routes exist while the service is registered, so they appear when the module
 * is enabled and disappear when it is disabled.
 *
 * <p>Handlers return plain Java objects and records, written as JSON (or write a long list's
 * JSON themselves, {@link org.nadi.platform.web.api.ApiResponse.JsonBody}); they report bad input
 * by throwing {@link org.nadi.platform.web.api.ProblemException}, written as
 * {@code application/problem+json} (RFC 9457). Every route declares who may call it
 * ({@link org.nadi.platform.web.api.Access}): a role, or anyone. A route that declares
 * nothing is refused to everyone.
 *
 * <p>Who is asking is known from a session cookie or a bearer token, checked by the platform's
 * {@link org.nadi.platform.web.api.Authenticator}; handlers read it from
 * {@link org.nadi.platform.web.api.ApiRequest#caller()} and apply per-institution rules with
 * {@link org.nadi.platform.web.api.Caller#requireEditFor(String)}. Every request that changes
 * something goes to the audit trail.
 */
@Export
@Version("2.3.0")
package org.nadi.platform.web.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
