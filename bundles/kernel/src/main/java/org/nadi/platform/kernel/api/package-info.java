/**
 * The module registry: what a module is, the states it can be in, and the
 * operations administrators use to change them while the runtime runs.
 *
 * <p>A bundle is a <em>module</em> when its manifest carries the
 * {@value org.nadi.platform.kernel.api.ModuleRegistry#MODULE_HEADER} header, for
 * example {@code NADI-Module: membership}. The module's name, description,
 * version and vendor are the bundle's {@code Bundle-Name},
 * {@code Bundle-Description}, {@code Bundle-Version} and {@code Bundle-Vendor}.
 *
 * <p>A module contributes demo data by registering a {@link org.nadi.platform.kernel.api.DemoData}
 * service (since 1.3).
 */
@Export
@Version("1.3.0")
package org.nadi.platform.kernel.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
