package org.nadi.platform.kernel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.kernel.api.DemoData;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;

/** The order in which modules' demo data loads, read from the wiring of a real Felix framework. */
class DemoDataLoaderTest {

    @TempDir
    Path storage;

    private Framework framework;
    private BundleContext context;
    private final List<String> loaded = new ArrayList<>();

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
    void aModulesDemoDataLoadsAfterThatOfTheModulesItRequires() throws Exception {
        // By id, "meetings" comes before "membership", whose people its demo meeting names.
        Bundle reporting = install("reporting", Map.of(Constants.IMPORT_PACKAGE, "org.example.meetings.api"));
        Bundle meetings = install("meetings", Map.of(Constants.IMPORT_PACKAGE, "org.example.membership.api",
                Constants.EXPORT_PACKAGE, "org.example.meetings.api"));
        Bundle membership = install("membership", Map.of(Constants.EXPORT_PACKAGE, "org.example.membership.api"));
        Bundle calendar = install("calendar", Map.of());
        DemoDataLoader loader = new DemoDataLoader(context);
        for (Bundle module : List.of(reporting, meetings, membership, calendar)) {
            module.start();
            contribute(loader, module);
        }

        List<String> outcomes = loader.loadAll().stream().map(DemoDataLoader.Outcome::module).toList();

        assertEquals(List.of("calendar", "membership", "meetings", "reporting"), outcomes);
        assertEquals(outcomes, loaded);
    }

    @Test
    void modulesThatNeedNoOtherLoadInTheOrderOfTheirIds() throws Exception {
        Bundle second = install("second", Map.of());
        Bundle first = install("first", Map.of());
        DemoDataLoader loader = new DemoDataLoader(context);
        for (Bundle module : List.of(second, first)) {
            module.start();
            contribute(loader, module);
        }

        loader.loadAll();

        assertEquals(List.of("first", "second"), loaded);
    }

    /** Registers demo data from the module's bundle, as its component would, and hands it to the loader. */
    private void contribute(DemoDataLoader loader, Bundle module) {
        String id = module.getHeaders().get("NADI-Module");
        DemoData demoData = () -> {
            loaded.add(id);
            return "loaded";
        };
        ServiceRegistration<DemoData> registration = module.getBundleContext().registerService(DemoData.class, demoData, null);
        loader.addDemoData(registration.getReference(), demoData);
    }

    private Bundle install(String name, Map<String, String> headers) throws IOException, BundleException {
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
