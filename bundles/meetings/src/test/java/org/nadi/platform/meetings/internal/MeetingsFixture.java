package org.nadi.platform.meetings.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nadi.platform.storage.internal.TestStorage;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The meetings module over a real database with its migrations, the test directory for
 * membership, and an Event Admin that keeps what it is sent; with the small Siem Reap fixture
 * loaded through the demo-data path.
 */
final class MeetingsFixture implements AutoCloseable {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migrations");
    static final String SIEM_REAP = "nadi-2024-09-siem-reap";
    static final String SINGAPORE = "nadi-2024-11-singapore";

    final TestStorage storage;
    final TestDirectory directory = new TestDirectory();
    final List<String> events = new ArrayList<>();
    final Meetings meetings;

    MeetingsFixture(String engine, Path folder) throws Exception {
        storage = TestStorage.open(engine, folder, "meetings", MIGRATIONS);
        MeetingChanges changes = new MeetingChanges();
        changes.setEventAdmin(new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                events.add(line(event));
            }

            @Override
            public void sendEvent(Event event) {
                events.add(line(event));
            }
        });
        meetings = new Meetings(storage.database(), directory, changes);
    }

    /** An event as {@code TOPIC meeting=… recommendation=… status=…}, the last two only when set. */
    private static String line(Event event) {
        StringBuilder line = new StringBuilder(event.getTopic().substring("org/nadi/platform/meetings/".length()));
        for (String property : List.of("meeting", "recommendation", "status")) {
            if (event.getProperty(property) != null) {
                line.append(' ').append(property).append('=').append(event.getProperty(property));
            }
        }
        return line.toString();
    }

    /** Loads the small fixture as the demo data loads its file; answers the summary. */
    String loadSmallMeeting() throws Exception {
        return new MeetingsDemoData(meetings).load("/meetings/small-meeting.json");
    }

    @Override
    public void close() {
        storage.close();
    }
}
