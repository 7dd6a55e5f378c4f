package org.nadi.platform.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTrainingTest {

    @TempDir
    Path home;

    @Test
    void theClassListKeepsBundleClassesInLoadOrderOnce() throws Exception {
        Files.createDirectories(home.resolve("bundles"));
        Files.createDirectories(home.resolve("lib"));
        Files.createFile(home.resolve("bundles/org.apache.felix.http.jetty12-1.1.8.jar"));
        Files.createFile(home.resolve("bundles/kernel-0.1.0-SNAPSHOT.jar"));
        String bundles = "file:" + home.resolve("bundles");
        Path log = home.resolve("class-load.log");
        Files.write(log, List.of(
                "[0.012s][info][class,load] java.lang.Object source: shared objects file",
                "[0.044s][info][class,load] org.nadi.platform.launcher.Main source: file:" + home.resolve("lib/nadi-launcher.jar"),
                "[0.401s][info][class,load] org.eclipse.jetty.server.Server source: " + bundles + "/org.apache.felix.http.jetty12-1.1.8.jar",
                "[0.402s][info][class,load] org.eclipse.jetty.server.Server$1 source: " + bundles + "/org.apache.felix.http.jetty12-1.1.8.jar",
                "[0.403s][info][class,load] java.util.regex.Pattern source: jrt:/java.base",
                "[0.404s][info][class,load] org.nadi.platform.kernel.internal.BundleModuleRegistry source: " + bundles + "/kernel-0.1.0-SNAPSHOT.jar",
                "[0.405s][info][class,load] org.eclipse.jetty.server.Server source: " + bundles + "/org.apache.felix.http.jetty12-1.1.8.jar",
                "[0.406s][info][class,load] org.gone.Thing source: " + bundles + "/gone-1.0.jar",
                "[0.407s][info][class,load] org.eclipse.jetty.util.TypeUtil$$Lambda$82/0x0000000800c4b1f8 source: org.eclipse.jetty.util.TypeUtil"),
                StandardCharsets.UTF_8);

        ClassDataSharingTraining.writeClassList(home, log);

        assertEquals(List.of(
                "org.apache.felix.http.jetty12-1.1.8.jar org.eclipse.jetty.server.Server",
                "org.apache.felix.http.jetty12-1.1.8.jar org.eclipse.jetty.server.Server$1",
                "kernel-0.1.0-SNAPSHOT.jar org.nadi.platform.kernel.internal.BundleModuleRegistry"),
                Files.readAllLines(home.resolve(ClassPreloader.LIST), StandardCharsets.UTF_8));
    }

    @Test
    void aLogWithoutBundleClassesIsATrainingFailure() throws IOException {
        Files.createDirectories(home.resolve("bundles"));
        Files.createDirectories(home.resolve("lib"));
        Path log = home.resolve("class-load.log");
        Files.write(log, List.of("[0.012s][info][class,load] java.lang.Object source: shared objects file"), StandardCharsets.UTF_8);

        assertThrows(ClassDataSharingTraining.TrainingFailed.class, () -> ClassDataSharingTraining.writeClassList(home, log));
    }
}
