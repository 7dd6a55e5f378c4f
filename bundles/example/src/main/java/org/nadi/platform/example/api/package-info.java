/**
 * The example module's API: the greeting it serves. Other modules may import it, which is
 * how the example shows a dependency between modules in the registry.
 */
@Export
@Version("1.0.0")
package org.nadi.platform.example.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
