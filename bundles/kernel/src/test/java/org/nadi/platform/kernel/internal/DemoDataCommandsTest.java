package org.nadi.platform.kernel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class DemoDataCommandsTest {

    @Test
    void aModuleSummaryIsWrittenAsAValidJsonString() {
        assertEquals("\"plain\"", DemoDataCommands.jsonString("plain"));
        assertEquals("\"say \\\"hi\\\" \\\\ then\\u000anext\"", DemoDataCommands.jsonString("say \"hi\" \\ then\nnext"));
    }

    @Test
    void theSummaryNamesWhatLoadedAndWhatFailed() {
        assertEquals("no enabled module has demo data", DemoDataLoader.summary(List.of()));
        assertEquals("demo data loaded for 2 modules (example, membership); failed for 1 (broken)",
                DemoDataLoader.summary(List.of(
                        new DemoDataLoader.Outcome("example", true, "3 notes created"),
                        new DemoDataLoader.Outcome("broken", false, "no file"),
                        new DemoDataLoader.Outcome("membership", true, "98 records created"))));
    }
}
