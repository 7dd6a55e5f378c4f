package org.nadi.platform.kernel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;

/** The dependency graph and missing-requirement messages, read from a real Felix framework. */
class ModuleGraphTest {

    @TempDir
    Path storage;

    private Framework framework;
    private BundleContext context;

    @BeforeEach
    void startFramework() throws Exception {
        framework = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        context = framework.getBundleContext();
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(5000);
    }

    @Test
    void packageWiresBecomeModuleDependencies() throws Exception {
        Bundle membership = install("membership", Map.of(Constants.EXPORT_PACKAGE, "org.example.membership.api;version=1.0"));
        Bundle meetings = install("meetings", Map.of(
                Constants.IMPORT_PACKAGE, "org.example.membership.api;version=\"[1,2)\"",
                Constants.EXPORT_PACKAGE, "org.example.meetings.api;version=1.0"));
        Bundle reporting = install("reporting", Map.of(Constants.IMPORT_PACKAGE, "org.example.meetings.api"));
        resolveAll();

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
        Bundle membership = install("membership", Map.of(Constants.EXPORT_PACKAGE, "org.example.membership.api"));
        Bundle meetings = install("meetings", Map.of(Constants.IMPORT_PACKAGE, "org.example.membership.api"));

        ModuleGraph graph = new ModuleGraph(List.of(membership, meetings));

        assertEquals(Set.of(membership), graph.requires(meetings));
    }

    @Test
    void declaredServiceRequirementsCountButOptionalOnesDoNot() throws Exception {
        Bundle registry = install("registry", Map.of(Constants.PROVIDE_CAPABILITY,
                "osgi.service;objectClass:List<String>=\"org.example.Registry\""));
        Bundle needsIt = install("needs-it", Map.of(Constants.REQUIRE_CAPABILITY,
                "osgi.service;filter:=\"(objectClass=org.example.Registry)\";effective:=active"));
        Bundle mayUseIt = install("may-use-it", Map.of(Constants.REQUIRE_CAPABILITY,
                "osgi.service;filter:=\"(objectClass=org.example.Registry)\";effective:=active;resolution:=optional"));
        resolveAll();

        ModuleGraph graph = new ModuleGraph(List.of(registry, needsIt, mayUseIt));

        assertEquals(Set.of(registry), graph.requires(needsIt));
        assertTrue(graph.requires(mayUseIt).isEmpty());
        assertEquals(Set.of(needsIt), graph.requiredBy(registry));
    }

    @Test
    void missingRequirementNamesThePackage() throws Exception {
        Bundle orphan = install("orphan", Map.of(Constants.IMPORT_PACKAGE, "org.example.nobody.exports.this;version=\"[2,3)\""));
        resolveAll();

        assertEquals(Bundle.INSTALLED, orphan.getState());
        String reason = MissingRequirement.describe(orphan, context);
        assertTrue(reason.startsWith("missing requirement package org.example.nobody.exports.this"), reason);
        assertTrue(reason.contains("version>=2.0.0"), reason);
    }

    @Test
    void satisfiedAndOptionalRequirementsAreNotReportedMissing() throws Exception {
        install("membership", Map.of(Constants.EXPORT_PACKAGE, "org.example.membership.api"));
        Bundle fine = install("fine", Map.of(Constants.IMPORT_PACKAGE,
                "org.example.membership.api,org.example.optional;resolution:=optional,org.osgi.framework"));
        resolveAll();

        assertFalse(fine.getState() == Bundle.INSTALLED);
        assertFalse(MissingRequirement.describe(fine, context).startsWith("missing requirement"));
    }

    private void resolveAll() {
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(null);
    }

    private Bundle install(String name, Map<String, String> headers) throws IOException, org.osgi.framework.BundleException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, "test." + name);
        main.putValue("NADI-Module", name);
        headers.forEach(main::putValue);
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest)) {
            out.flush();
        }
        return context.installBundle("test:" + name, new ByteArrayInputStream(jar.toByteArray()));
    }
}
