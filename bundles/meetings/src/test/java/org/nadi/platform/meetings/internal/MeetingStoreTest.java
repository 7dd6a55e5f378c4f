package org.nadi.platform.meetings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nadi.platform.meetings.api.FollowUp;
import org.nadi.platform.meetings.api.Meeting;
import org.nadi.platform.meetings.api.Recommendation;
import org.nadi.platform.meetings.api.RecommendationFilter;
import org.nadi.platform.storage.api.Database;
import org.nadi.platform.storage.api.Transaction;
import org.nadi.platform.storage.internal.TestStorage;

/** Whole meetings stored and read back, the tracker's filters, and the cost of reading, on both engines. */
@Timeout(120)
class MeetingStoreTest {

    @TempDir
    Path folder;
    private MeetingsFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private MeetingsFixture loaded(String engine) throws Exception {
        fixture = new MeetingsFixture(engine, folder);
        assertEquals("2 meetings created (" + MeetingsFixture.SINGAPORE + ", " + MeetingsFixture.SIEM_REAP
                + ") with 5 recommendations, 0 already there", fixture.loadSmallMeeting());
        return fixture;
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void aWholeDocumentReadsBackWithEveryPartInOrder(String engine) throws Exception {
        Meeting meeting = loaded(engine).meetings.meeting(MeetingsFixture.SIEM_REAP).orElseThrow();

        assertEquals(1, meeting.version());
        assertEquals(LocalDate.of(2024, 9, 21), meeting.to());
        assertEquals(2, meeting.topics().size());
        assertEquals(List.of("Welcome remarks", "Adoption of the agenda"), meeting.agenda().items().stream().map(item -> item.title()).toList());
        assertEquals(LocalDate.of(2024, 9, 18), meeting.agenda().adoptedOn());
        assertEquals("09:30", meeting.programme().get(0).end().toString());
        assertEquals(List.of(1L, 2L, 3L, 4L), meeting.participants().stream().map(p -> p.id()).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), meeting.proceedings().stream().map(p -> p.id()).toList());
        assertEquals(2L, meeting.proceeding(3).orElseThrow().session());
        assertEquals(2, meeting.proceeding(3).orElseThrow().paragraphs().size());
        assertEquals(List.of(MeetingsFixture.SINGAPORE), meeting.proceeding(7).orElseThrow().forthcoming());

        List<Recommendation> recommendations = meeting.recommendations();
        assertEquals(List.of("sr-bn-a", "sr-bn-b", "sr-kh-a", MeetingsFixture.SIEM_REAP + "-r1", MeetingsFixture.SIEM_REAP + "-r2"),
                recommendations.stream().map(Recommendation::id).toList());
        assertEquals(List.of("a", "b", "a", "1", "2"), recommendations.stream().map(Recommendation::label).toList());
        assertEquals(List.of("proposed", "proposed", "proposed", "adopted", "reaffirmed"),
                recommendations.stream().map(Recommendation::status).toList());
        assertEquals(new FollowUp("proposed", meeting.from(), MeetingsFixture.SIEM_REAP, null, null), recommendations.get(0).history().get(0));
        assertEquals(new FollowUp("adopted", meeting.to(), MeetingsFixture.SIEM_REAP, null, null), recommendations.get(3).history().get(0));
        assertEquals(List.of("BN"), recommendations.get(0).countries());
        assertEquals(List.of("BN"), recommendations.get(3).countries(), "a meeting's recommendation is of its sources' countries");
        assertEquals(List.of("ai", "cyber-security", "human-resources"), recommendations.get(2).topics());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void loadingTheSameFileAgainCreatesNothing(String engine) throws Exception {
        MeetingsFixture meetings = loaded(engine);
        assertEquals("0 meetings created, 2 already there", meetings.loadSmallMeeting());
        assertEquals(1, meetings.meetings.meeting(MeetingsFixture.SIEM_REAP).orElseThrow().version());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void theTrackerFiltersByTopicAddresseeStatusCountryDateAndText(String engine) throws Exception {
        Meetings meetings = loaded(engine).meetings;
        assertEquals(List.of("sr-bn-a", MeetingsFixture.SIEM_REAP + "-r1"), ids(meetings, RecommendationFilter.all().topic("centrality")));
        assertEquals(List.of(MeetingsFixture.SIEM_REAP + "-r2"), ids(meetings, RecommendationFilter.all().addressee("ADMM")));
        assertEquals(List.of(MeetingsFixture.SIEM_REAP + "-r1"), ids(meetings, RecommendationFilter.all().status("adopted")));
        assertEquals(List.of("sr-kh-a", MeetingsFixture.SIEM_REAP + "-r2"), ids(meetings, RecommendationFilter.all().country("KH")));
        assertEquals(List.of("sr-kh-a", MeetingsFixture.SIEM_REAP + "-r2"), ids(meetings, RecommendationFilter.all().text("AI")));
        assertEquals(5, ids(meetings, RecommendationFilter.all().between(LocalDate.of(2024, 9, 21), null)).size());
        assertEquals(0, ids(meetings, RecommendationFilter.all().between(LocalDate.of(2024, 9, 22), null)).size());
        assertEquals(0, ids(meetings, RecommendationFilter.all().between(null, LocalDate.of(2024, 9, 17))).size());
        assertEquals(List.of("sr-bn-b"), ids(meetings, RecommendationFilter.all().page(1, 1)));
        assertEquals(5, meetings.countRecommendations(RecommendationFilter.all().page(1, 1)));
        assertEquals(1, meetings.countRecommendations(RecommendationFilter.all().topic("ai").country("KH").addressee("AMS")));
    }

    private static List<String> ids(Meetings meetings, RecommendationFilter filter) {
        return meetings.recommendations(filter).stream().map(Recommendation::id).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void aMeetingLoadsWithAFixedNumberOfQueriesWhateverItsSize(String engine) throws Exception {
        MeetingsFixture meetings = loaded(engine);
        AtomicInteger queries = new AtomicInteger();
        MeetingStore store = new MeetingStore(meetings.storage.database());
        Database counted = counting(meetings.storage.database(), queries);

        counted.read(connection -> store.meeting(connection, MeetingsFixture.SIEM_REAP));
        int forFiveRecommendations = queries.getAndSet(0);
        counted.read(connection -> store.meeting(connection, MeetingsFixture.SINGAPORE));
        int forNone = queries.getAndSet(0);
        Meeting siemReap = meetings.meetings.meeting(MeetingsFixture.SIEM_REAP).orElseThrow();
        for (int i = 0; i < 40; i++) {
            meetings.meetings.addRecommendation(siemReap.id(), siemReap.version() + i, new Recommendation(null, siemReap.id(), 5, null,
                    "More discussion " + i, List.of("NADI"), List.of("multilateralism"), List.of(), List.of(), List.of()));
        }
        counted.read(connection -> store.meeting(connection, MeetingsFixture.SIEM_REAP));

        assertEquals(forFiveRecommendations, queries.get(), "45 recommendations cost as many queries as 5");
        assertTrue(forFiveRecommendations <= 14, forFiveRecommendations + " queries");
        assertTrue(forNone <= forFiveRecommendations, forNone + " queries for a meeting with no recommendations");
    }

    /** The database, with every statement prepared on its read connections counted. */
    private static Database counting(Database database, AtomicInteger queries) {
        return new Database() {
            @Override
            public <T> T inTransaction(Transaction<T> work) throws SQLException {
                return database.inTransaction(work);
            }

            @Override
            public <T> T read(Transaction<T> work) throws SQLException {
                return database.read(connection -> work.run((Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                            if (method.getName().startsWith("prepare")) {
                                queries.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, arguments);
                            } catch (InvocationTargetException failed) {
                                throw failed.getCause();
                            }
                        })));
            }

            @Override
            public long updateVersioned(Connection connection, String table, Object id, long expectedVersion, Map<String, ?> changes)
                    throws SQLException {
                return database.updateVersioned(connection, table, id, expectedVersion, changes);
            }

            @Override
            public String tablePrefix() {
                return database.tablePrefix();
            }
        };
    }
}
