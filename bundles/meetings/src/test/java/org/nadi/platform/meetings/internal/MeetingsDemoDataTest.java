package org.nadi.platform.meetings.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.storage.internal.TestStorage;

/** The demo-data loader's answers when its file is missing or refused: what is wrong, and that nothing was loaded. */
@Timeout(60)
class MeetingsDemoDataTest {

    @TempDir
    Path folder;
    private MeetingsFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new MeetingsFixture(TestStorage.SQLITE, folder);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aMissingFileIsNamed() {
        IOException missing = assertThrows(IOException.class, () -> new MeetingsDemoData(fixture.meetings).load("/demo-data/none.json"));
        assertTrue(missing.getMessage().startsWith("The meetings bundle ships no demo-data/none.json"), missing::getMessage);
    }

    @Test
    void aFileTheRulesRefuseLoadsNothingAndSaysWhy() {
        IOException refused = assertThrows(IOException.class,
                () -> new MeetingsDemoData(fixture.meetings).load("/meetings/unknown-person.json"));
        assertTrue(refused.getMessage().contains("meetings/unknown-person.json was refused, nothing was loaded"), refused::getMessage);
        assertTrue(refused.getMessage().contains("hostCountry is 'PH'"), refused::getMessage);
        assertTrue(refused.getMessage().contains("the membership module's demo data"), refused::getMessage);
        assertTrue(fixture.meetings.meetings(null, null, null).isEmpty());
    }
}
