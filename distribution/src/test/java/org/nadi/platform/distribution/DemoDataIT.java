package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.distribution.fixtures.ThrowingDemoData;
import org.nadi.platform.kernel.api.DemoData;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code bin/nadi --demo}: every enabled module's demo data in a new data directory, loaded
 * before the runtime says it is ready; never mixed into a data directory that has data; and
 * {@code nadi:demo} in the shell, which loads it again without changing anything.
 */
@Timeout(180)
class DemoDataIT {

    private static final String ASEAN_MEMBERS_IN_2026 = "/api/v1/membership/countries?grouping=asean-member&at=2026-01-01";
    private static final String PEOPLE = "/api/v1/membership/people";
    /** The log line the kernel writes for membership's demo data on a new data directory. */
    private static final String MEMBERSHIP_LOADED = "Demo data of module membership: reference data loaded: ";
    /** The log line for meetings' demo data, which names membership's people and so loads after it. */
    private static final String MEETINGS_LOADED = "Demo data of module meetings: ";
    private static final String SIEM_REAP = "/api/v1/meetings/nadi-2024-09-siem-reap";

    @TempDir
    Path jars;

    @Test
    void demoFillsANewDataDirectoryOnceAndLeavesItAloneOnTheNextStart() throws IOException {
        try (NadiRuntime runtime = NadiRuntime.options().label("demo-data").arguments("--demo").shell().start()) {
            String firstStart = runtime.outputSinceStart();
            int loadedAt = firstStart.indexOf(MEMBERSHIP_LOADED);
            assertTrue(loadedAt >= 0 && !firstStart.contains(MEMBERSHIP_LOADED + "0 records created"), firstStart);
            int meetingsAt = firstStart.indexOf(MEETINGS_LOADED);
            assertTrue(meetingsAt > loadedAt, "the meetings' demo data loads after the people it names:\n" + firstStart);
            assertFalse(firstStart.contains(MEETINGS_LOADED + "0 meetings created"), firstStart);
            assertTrue(firstStart.indexOf("demo data loaded for 2 modules (membership, meetings)") > meetingsAt, firstStart);
            assertTrue(firstStart.indexOf("NADI Platform ready at") > meetingsAt, "loaded before the runtime says it is ready:\n" + firstStart);
            JsonElement siemReap = runtime.admin().get(SIEM_REAP).assertJson(200).json();
            assertEquals(11, runtime.admin().get(ASEAN_MEMBERS_IN_2026).assertJson(200).json().getAsJsonArray().size());
            JsonElement people = runtime.admin().get(PEOPLE).assertJson(200).json();
            assertFalse(people.getAsJsonArray().isEmpty(), people::toString);

            runtime.restart();
            String secondStart = runtime.outputSinceStart();
            assertTrue(secondStart.contains("--demo only fills a new data directory"), secondStart);
            assertFalse(secondStart.contains("Demo data of module"), secondStart);
            assertEquals(11, runtime.admin().get(ASEAN_MEMBERS_IN_2026).assertJson(200).json().getAsJsonArray().size());
            assertEquals(people, runtime.admin().get(PEOPLE).assertJson(200).json(), "the restart changed nobody");
            assertEquals(siemReap, runtime.admin().get(SIEM_REAP).assertJson(200).json(), "nor the meeting");

            Instant before = Instant.now().minusSeconds(1);
            String answer = runtime.shell("nadi:demo", "(?m)^(g! )*demo data loaded for [^\\n]*\\n");
            assertTrue(answer.contains("membership: reference data loaded: 0 records created"), answer);
            assertTrue(answer.contains("meetings: 0 meetings created"), answer);
            assertTrue(answer.contains("demo data loaded for 2 modules (membership, meetings)"), answer);
            assertEquals(people, runtime.admin().get(PEOPLE).assertJson(200).json(), "loading again changed nobody");
            assertEquals(siemReap, runtime.admin().get(SIEM_REAP).assertJson(200).json(), "nor the meeting");

            JsonElement trail = runtime.admin().get("/api/v1/audit?entity=demo-data&entityId=membership&from=" + before)
                    .assertJson(200).object().getAsJsonArray("entries");
            assertEquals(1, trail.getAsJsonArray().size(), trail::toString);
            JsonObject entry = trail.getAsJsonArray().get(0).getAsJsonObject();
            assertEquals("console", entry.get("actor").getAsString(), entry::toString);
            assertEquals("nadi:demo", entry.get("action").getAsString(), entry::toString);
            assertTrue(entry.get("after").getAsString().contains("0 records created"), entry::toString);
        }
    }

    @Test
    void aModuleWhoseDemoDataFailsIsNamedAndTheOthersLoad() throws IOException {
        Path broken = TestBundle.module("broken-demo").service(ThrowingDemoData.class, DemoData.class, "[1.3,2)")
                .writeTo(jars, "broken-demo.jar");
        try (NadiRuntime runtime = NadiRuntime.options().label("demo-data-broken").arguments("--demo").deployed(broken)
                .shell().start()) {
            // The deploy folder's modules start beside the others, so before or after the start-up load.
            runtime.eventually(Duration.ofSeconds(30), "the broken module's demo data is reported", () -> runtime.output()
                    .contains("Demo data of module broken-demo failed to load: " + ThrowingDemoData.MESSAGE));
            assertTrue(runtime.output().contains(MEMBERSHIP_LOADED), runtime.output());
            assertEquals(11, runtime.admin().get(ASEAN_MEMBERS_IN_2026).assertJson(200).json().getAsJsonArray().size());
            assertEquals("ENABLED", runtime.stateOf("broken-demo"));
            runtime.admin().get("/api/v1/health").assertJson(200);

            // In a demo run, a module installed later gets its demo data as it starts.
            Path late = TestBundle.module("late-demo").service(ThrowingDemoData.class, DemoData.class, "[1.3,2)")
                    .writeTo(jars, "late-demo.jar");
            runtime.admin().postJar("/api/v1/modules", late).assertJson(201);
            runtime.eventually(Duration.ofSeconds(30), "the late module's demo data is loaded", () -> runtime.output()
                    .contains("Demo data of module late-demo failed to load: " + ThrowingDemoData.MESSAGE));

            String answer = runtime.shell("nadi:demo", "(?m)^(g! )*demo data loaded for [^\\n]*\\n");
            assertTrue(answer.contains("broken-demo: failed: " + ThrowingDemoData.MESSAGE), answer);
            assertTrue(answer.contains("membership: reference data loaded: 0 records created"), answer);
            assertTrue(answer.contains("demo data loaded for 2 modules (membership, meetings); failed for 2 (broken-demo, late-demo)"),
                    answer);
            runtime.admin().get("/api/v1/health").assertJson(200);
        }
    }
}
