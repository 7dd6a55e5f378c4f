package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.distribution.fixtures.ThrowingActivator;
import org.nadi.platform.distribution.fixtures.WorkingActivator;

import com.google.gson.JsonObject;

/**
 * A bad bundle never takes the runtime down: each kind an administrator might upload is
 * refused with a 4xx problem that says what is wrong, within 10 s, and every other module
 * stays as it was. The bundle whose activator hangs has a runtime of its own:
 * {@link HangingModuleIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class BadModuleIT {

    /** How soon the issue requires a clear answer to a bad bundle. */
    static final Duration ANSWER_LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path jars;
    private NadiRuntime runtime;

    @BeforeAll
    void start() throws IOException {
        runtime = NadiRuntime.options().label("bad-modules").start();
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    @Test
    void refusesAFileThatIsNotAJar() throws IOException {
        Path text = Files.writeString(jars.resolve("notes.jar"), "These are meeting notes, not a module.\n", StandardCharsets.UTF_8);

        HttpAnswer refused = uploadLeavesEverythingElseAsItWas(text);

        refused.assertProblem(400);
        assertTrue(refused.detail().contains("not a jar"), refused::toString);
    }

    @Test
    void refusesABundleWithAnInvalidVersion() throws IOException {
        Path jar = TestBundle.module("bad-version").version("1.0.beta").activator(WorkingActivator.class)
                .writeTo(jars, "bad-version.jar");

        HttpAnswer refused = uploadLeavesEverythingElseAsItWas(jar);

        refused.assertProblem(400);
        assertTrue(refused.detail().contains("Bundle-Version") && refused.detail().contains("1.0.beta"), refused::toString);
    }

    @Test
    void refusesABundleThatImportsAPackageTwice() throws IOException {
        Path jar = TestBundle.module("twice-imported").header("Import-Package", "org.osgi.framework, org.osgi.framework")
                .activator(WorkingActivator.class).writeTo(jars, "twice-imported.jar");

        HttpAnswer refused = uploadLeavesEverythingElseAsItWas(jar);

        refused.assertProblem(400);
        assertTrue(refused.detail().contains("org.osgi.framework"), refused::toString);
    }

    @Test
    void refusesAJarWhoseManifestIsNotAManifest() throws IOException {
        Path jar = TestBundle.withRawManifest("Manifest-Version: 1.0\r\nthis line is not a header\r\n\r\n")
                .writeTo(jars, "garbled.jar");

        HttpAnswer refused = uploadLeavesEverythingElseAsItWas(jar);

        refused.assertProblem(400);
        assertTrue(refused.detail().contains("MANIFEST.MF"), refused::toString);
    }

    @Test
    void refusesABundleThatDoesNotResolveNamingWhatIsMissing() throws IOException {
        Path jar = TestBundle.module("unresolvable").header("Import-Package", "org.nadi.nowhere.api, org.osgi.framework")
                .activator(WorkingActivator.class).writeTo(jars, "unresolvable.jar");

        HttpAnswer refused = uploadLeavesEverythingElseAsItWas(jar);

        refused.assertProblem(422);
        assertTrue(refused.detail().contains("org.nadi.nowhere.api"), refused::toString);
    }

    @Test
    void refusesABundleWhoseActivatorThrows() throws IOException {
        Path jar = TestBundle.module("throwing").activator(ThrowingActivator.class).writeTo(jars, "throwing.jar");

        HttpAnswer refused = uploadLeavesEverythingElseAsItWas(jar);

        refused.assertProblem(422);
        assertTrue(refused.detail().contains(ThrowingActivator.MESSAGE), refused::toString);
    }

    /**
     * Uploads the jar and checks the answer came within {@link #ANSWER_LIMIT} and left the
     * module list and health exactly as they were: the bad module was not left behind.
     */
    private HttpAnswer uploadLeavesEverythingElseAsItWas(Path jar) {
        Map<String, JsonObject> modulesBefore = runtime.modules();
        HttpAnswer healthBefore = runtime.admin().get("/api/v1/health").assertJson(200);

        long started = System.nanoTime();
        HttpAnswer answer = runtime.admin().postJar("/api/v1/modules", jar);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(ANSWER_LIMIT) < 0, "answered after " + took.toMillis() + " ms: " + answer);
        assertTrue(answer.status() >= 400 && answer.status() < 500, answer::toString);
        assertEquals(modulesBefore, runtime.modules(), "the other modules are as they were");
        assertEquals(healthBefore.body(), runtime.admin().get("/api/v1/health").assertJson(200).body());
        runtime.admin().get("/api/v1/example/greeting").assertJson(200);
        return answer;
    }
}
