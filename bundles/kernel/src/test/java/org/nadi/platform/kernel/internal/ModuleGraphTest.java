package org.nadi.platform.kernel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** The dependency graph and missing-requirement messages, read from a real Felix framework. */
class ModuleGraphTest {

    @TempDir
    Path storage;

    private TestFramework framework;
    private BundleContext context;

    @BeforeEach
    void startFramework() throws Exception {
        framework = new TestFramework(storage);
        context = framework.context();
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.close();
    }

    @Test
    void packageWiresBecomeModuleDependencies() throws Exception {
        Bundle membership = framework.install("membership", Map.of(Constants.EXPORT_PACKAGE, "org.example.membership.api;version=1.0"));
        Bundle meetings = framework.install("meetings", Map.of(
                Constants.IMPORT_PACKAGE, "org.example.membership.api;version=\"[1,2)\"",
                Constants.EXPORT_PACKAGE, "org.example.meetings.api;version=1.0"));
        Bundle reporting = framework.install("reporting", Map.of(Constants.IMPORT_PACKAGE, "org.example.meetings.api"));
        framework.resolveAll();

        ModuleGraph graph = new ModuleGraph(List.of(membership, meetings, reporting));

        assertEquals(Set.of(membership), graph.requires(meetings));
        assertEquals(Set.of(meetings), graph.requires(reporting));
        assertEquals(Set.of(meetings), graph.requiredBy(membership));
        assertTrue(graph.requires(membership).isEmpty());
        assertEquals(List.of(membership, meetings), graph.requirementsInStartOrder(reporting));
        assertEquals(List.of(reporting, meetings), graph.dependentsInStopOrder(membership));
    }

    @Test
    void unresolvedModulesStillShowWhatTheyNeed() throws Exception {
        Bundle membership = framework.install("membership", Map.of(Constants.EXPORT_PACKAGE, "org.example.membership.api"));
        Bundle meetings = framework.install("meetings", Map.of(Constants.IMPORT_PACKAGE, "org.example.membership.api"));

        ModuleGraph graph = new ModuleGraph(List.of(membership, meetings));

        assertEquals(Set.of(membership), graph.requires(meetings));
    }

    @Test
    void declaredServiceRequirementsCountButOptionalOnesDoNot() throws Exception {
        Bundle registry = framework.install("registry", Map.of(Constants.PROVIDE_CAPABILITY,
                "osgi.service;objectClass:List<String>=\"org.example.Registry\""));
        Bundle needsIt = framework.install("needs-it", Map.of(Constants.REQUIRE_CAPABILITY,
                "osgi.service;filter:=\"(objectClass=org.example.Registry)\";effective:=active"));
        Bundle mayUseIt = framework.install("may-use-it", Map.of(Constants.REQUIRE_CAPABILITY,
                "osgi.service;filter:=\"(objectClass=org.example.Registry)\";effective:=active;resolution:=optional"));
        framework.resolveAll();

        ModuleGraph graph = new ModuleGraph(List.of(registry, needsIt, mayUseIt));

        assertEquals(Set.of(registry), graph.requires(needsIt));
        assertTrue(graph.requires(mayUseIt).isEmpty());
        assertEquals(Set.of(needsIt), graph.requiredBy(registry));
    }

    @Test
    void missingRequirementNamesThePackage() throws Exception {
        Bundle orphan = framework.install("orphan", Map.of(Constants.IMPORT_PACKAGE, "org.example.nobody.exports.this;version=\"[2,3)\""));
        framework.resolveAll();

        assertEquals(Bundle.INSTALLED, orphan.getState());
        String reason = MissingRequirement.describe(orphan, context);
        assertTrue(reason.startsWith("missing requirement package org.example.nobody.exports.this"), reason);
        assertTrue(reason.contains("version>=2.0.0"), reason);
    }

    @Test
    void satisfiedAndOptionalRequirementsAreNotReportedMissing() throws Exception {
        framework.install("membership", Map.of(Constants.EXPORT_PACKAGE, "org.example.membership.api"));
        Bundle fine = framework.install("fine", Map.of(Constants.IMPORT_PACKAGE,
                "org.example.membership.api,org.example.optional;resolution:=optional,org.osgi.framework"));
        framework.resolveAll();

        assertFalse(fine.getState() == Bundle.INSTALLED);
        assertFalse(MissingRequirement.describe(fine, context).startsWith("missing requirement"));
    }
}
