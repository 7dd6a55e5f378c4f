/**
 * The platform database as a module sees it. Obtain a {@link org.nadi.platform.storage.api.Database}
 * with {@code @Reference}; each module gets its own view of it, which knows the module's tables.
 *
 * <p>A module ships its schema as SQL migrations inside its bundle, under
 * {@code db/migrations/}, named {@code V001__create_notes.sql}, {@code V002__add_author.sql}, …
 * The platform applies the pending ones in order, each in its own transaction, when the module
 * starts; a migration that fails leaves the database as it was and the module {@code FAILED}
 * with the migration's error. Every table a module creates is named with the module's prefix:
 * its id with hyphens written as underscores, then an underscore ({@code example_notes} for
 * module {@code example}).
 *
 * <p>Editable records carry a {@code version} integer column;
 * {@link org.nadi.platform.storage.api.Database#updateVersioned} changes a row only if its
 * version is still the one the client read, and otherwise throws
 * {@link org.nadi.platform.storage.api.StaleVersionException}.
 *
 * <p>See {@code docs/storage.md} for the portable SQL both engines (SQLite, PostgreSQL) accept.
 */
@Export
@Version("1.1.0")
package org.nadi.platform.storage.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
