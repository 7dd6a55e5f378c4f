package org.nadi.platform.kernel.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Namespace;

/** Explains, in one sentence an administrator can act on, why a bundle does not resolve. */
final class MissingRequirement {

    private static final Pattern PACKAGE = Pattern.compile("\\(" + Pattern.quote(PackageNamespace.PACKAGE_NAMESPACE) + "=([^)]+)\\)");

    private MissingRequirement() {
    }

    static String describe(Bundle bundle, BundleContext context) {
        if (bundle.adapt(BundleRevision.class) == null) {
            return "it is uninstalled";
        }
        return firstMissing(bundle, context).orElseGet(MissingRequirement::conflictingRequirements);
    }

    /** Why a bundle with nothing missing still does not resolve. */
    static String conflictingRequirements() {
        return "its requirements are all installed but conflict with each other (a uses-constraint violation);"
                + " check which versions of its imported packages are installed";
    }

    /** The first mandatory requirement of the bundle that no installed bundle provides, described; empty if there is none. */
    static Optional<String> firstMissing(Bundle bundle, BundleContext context) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return Optional.empty();
        }
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
            if (ModuleGraph.isOptional(requirement) || (effective != null && !Namespace.EFFECTIVE_RESOLVE.equals(effective))) {
                continue;
            }
            if (!satisfiable(requirement, context)) {
                return Optional.of("missing requirement " + text(requirement));
            }
        }
        return Optional.empty();
    }

    private static boolean satisfiable(BundleRequirement requirement, BundleContext context) {
        for (Bundle candidate : context.getBundles()) {
            if (candidate.getState() != Bundle.UNINSTALLED && ModuleGraph.provides(candidate, requirement)) {
                return true;
            }
        }
        return false;
    }

    static String text(BundleRequirement requirement) {
        String filter = requirement.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        if (PackageNamespace.PACKAGE_NAMESPACE.equals(requirement.getNamespace())) {
            Matcher name = PACKAGE.matcher(filter);
            if (name.find()) {
                return "package " + name.group(1) + " " + filter;
            }
        }
        return requirement.getNamespace() + " " + filter;
    }
}
