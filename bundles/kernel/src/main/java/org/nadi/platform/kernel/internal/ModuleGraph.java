package org.nadi.platform.kernel.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Namespace;

/**
 * Which modules need which, read from the framework rather than kept by hand: the package and
 * bundle wires of resolved modules, the declared package requirements of unresolved ones, and
 * the mandatory service requirements ({@code osgi.service}) that bnd writes for Declarative
 * Services references, matched against the services other modules declare they provide.
 */
final class ModuleGraph {

    /** The namespace bnd uses for the services a bundle needs and provides (OSGi Compendium 135.4). */
    private static final String SERVICE_NAMESPACE = "osgi.service";

    private final Map<Bundle, Set<Bundle>> requires = new LinkedHashMap<>();
    private final Map<Bundle, Set<Bundle>> requiredBy = new LinkedHashMap<>();

    ModuleGraph(Collection<Bundle> modules) {
        for (Bundle module : modules) {
            requires.put(module, new LinkedHashSet<>());
            requiredBy.put(module, new LinkedHashSet<>());
        }
        for (Bundle module : modules) {
            for (Bundle provider : providersOf(module, modules)) {
                requires.get(module).add(provider);
                requiredBy.get(provider).add(module);
            }
        }
    }

    Set<Bundle> requires(Bundle module) {
        return requires.getOrDefault(module, Set.of());
    }

    Set<Bundle> requiredBy(Bundle module) {
        return requiredBy.getOrDefault(module, Set.of());
    }

    /** Every module the given one needs, directly or not, ordered so that each comes after what it needs. */
    List<Bundle> requirementsInStartOrder(Bundle module) {
        List<Bundle> order = new ArrayList<>();
        visit(module, requires, new LinkedHashSet<>(), order);
        order.remove(module);
        return order;
    }

    /** Every module that needs the given one, directly or not, ordered so that each comes before what it needs. */
    List<Bundle> dependentsInStopOrder(Bundle module) {
        // Post-order over "required by" puts the farthest dependents first.
        List<Bundle> order = new ArrayList<>();
        visit(module, requiredBy, new LinkedHashSet<>(), order);
        order.remove(module);
        return order;
    }

    private static void visit(Bundle node, Map<Bundle, Set<Bundle>> edges, Set<Bundle> seen, List<Bundle> postOrder) {
        if (!seen.add(node)) {
            return;
        }
        for (Bundle next : edges.getOrDefault(node, Set.of())) {
            visit(next, edges, seen, postOrder);
        }
        postOrder.add(node);
    }

    private static Set<Bundle> providersOf(Bundle module, Collection<Bundle> modules) {
        Set<Bundle> providers = new LinkedHashSet<>();
        BundleWiring wiring = module.adapt(BundleWiring.class);
        boolean resolved = wiring != null && wiring.isInUse();
        if (resolved) {
            for (BundleWire wire : wiring.getRequiredWires(null)) {
                Bundle provider = wire.getProvider().getBundle();
                if (provider != module && modules.contains(provider)) {
                    providers.add(provider);
                }
            }
        }
        BundleRevision revision = module.adapt(BundleRevision.class);
        if (revision == null) {
            return providers;
        }
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            String namespace = requirement.getNamespace();
            boolean matchStatically = SERVICE_NAMESPACE.equals(namespace)
                    || (!resolved && (PackageNamespace.PACKAGE_NAMESPACE.equals(namespace)
                            || BundleNamespace.BUNDLE_NAMESPACE.equals(namespace)));
            if (!matchStatically || isOptional(requirement)) {
                continue;
            }
            for (Bundle candidate : modules) {
                if (candidate != module && provides(candidate, requirement)) {
                    providers.add(candidate);
                }
            }
        }
        return providers;
    }

    static boolean isOptional(BundleRequirement requirement) {
        return Namespace.RESOLUTION_OPTIONAL.equals(requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
    }

    /** Whether the bundle declares a capability that satisfies the requirement's filter. */
    static boolean provides(Bundle candidate, BundleRequirement requirement) {
        BundleRevision revision = candidate.adapt(BundleRevision.class);
        if (revision == null) {
            return false;
        }
        String filter = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
        for (BundleCapability capability : revision.getDeclaredCapabilities(requirement.getNamespace())) {
            if (filter == null || matches(filter, capability)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String filter, BundleCapability capability) {
        try {
            return FrameworkUtil.createFilter(filter).matches(capability.getAttributes());
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }
}
