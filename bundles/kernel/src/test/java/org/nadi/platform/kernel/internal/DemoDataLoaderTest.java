package org.nadi.platform.kernel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.kernel.api.DemoData;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/** The order in which modules' demo data loads, read from the wiring of a real Felix framework. */
class DemoDataLoaderTest {

    @TempDir
    Path storage;

    private TestFramework framework;
    private final List<String> loaded = new ArrayList<>();

    @BeforeEach
    void startFramework() throws Exception {
        framework = new TestFramework(storage);
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.close();
    }

    @Test
    void aModulesDemoDataLoadsAfterThatOfTheModulesItRequires() throws Exception {
        // By id, "meetings" comes before "membership", whose people its demo meeting names.
        Bundle reporting = framework.install("reporting", Map.of(Constants.IMPORT_PACKAGE, "org.example.meetings.api"));
        Bundle meetings = framework.install("meetings", Map.of(Constants.IMPORT_PACKAGE, "org.example.membership.api",
                Constants.EXPORT_PACKAGE, "org.example.meetings.api"));
        Bundle membership = framework.install("membership", Map.of(Constants.EXPORT_PACKAGE, "org.example.membership.api"));
        Bundle calendar = framework.install("calendar", Map.of());
        DemoDataLoader loader = new DemoDataLoader(framework.context());
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
        Bundle second = framework.install("second", Map.of());
        Bundle first = framework.install("first", Map.of());
        DemoDataLoader loader = new DemoDataLoader(framework.context());
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
}
