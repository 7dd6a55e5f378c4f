package org.nadi.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nadi.platform.kernel.api.AuditEntry;
import org.nadi.platform.storage.internal.TestStorage;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.testing.FakeRequest;
import org.nadi.platform.web.testing.TestRoutes;

/** The audit trail written and read over a real database. */
@Timeout(60)
class AuditTest {

    @TempDir
    Path folder;
    private TestStorage storage;
    private DatabaseAuditTrail trail;
    private TestRoutes routes;

    private void open(String engine) throws Exception {
        storage = TestStorage.open(engine, folder, "security", AccountsTest.MIGRATIONS);
        trail = new DatabaseAuditTrail(storage.database());
        routes = TestRoutes.of(new AuditResource(storage.database()));
    }

    @AfterEach
    void stop() {
        if (storage != null) {
            storage.close();
        }
    }

    private void record(String at, String actor, String module, String entity, String entityId) {
        trail.record(new AuditEntry(Instant.parse(at), actor, "203.0.113.7", module, "POST /api/v1/x", entity, entityId,
                "", "{\"state\":\"ENABLED\"}"));
    }

    private AuditResource.AuditPage page(FakeRequest request) throws ProblemException {
        return (AuditResource.AuditPage) routes.call("GET /api/v1/audit", request).body();
    }

    private static List<String> ids(AuditResource.AuditPage page) {
        return page.entries().stream().map(entry -> entry.entityId() + "@" + entry.at()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void recordsAreReadNewestFirstAndFilteredByModuleUserAndEntity(String engine) throws Exception {
        open(engine);
        record("2026-03-01T09:00:00Z", "admin", "kernel", "module", "example");
        record("2026-03-01T09:00:01Z", "j.smith", "example", "note", "1");
        record("2026-03-01T09:00:02Z", "admin", "example", "note", "2");

        AuditResource.AuditPage all = page(new FakeRequest());

        assertEquals(List.of("2@2026-03-01T09:00:02.000Z", "1@2026-03-01T09:00:01.000Z", "example@2026-03-01T09:00:00.000Z"),
                ids(all));
        AuditTable.AuditRecord newest = all.entries().get(0);
        assertEquals("admin", newest.actor());
        assertEquals("203.0.113.7", newest.address());
        assertNull(newest.before(), "no state before: null, not empty");
        assertEquals("{\"state\":\"ENABLED\"}", newest.after());
        assertNull(all.next());
        assertEquals(2, page(new FakeRequest().query("module", "example")).entries().size());
        assertEquals(List.of("1@2026-03-01T09:00:01.000Z"), ids(page(new FakeRequest().query("user", "j.smith"))));
        assertEquals(List.of("2@2026-03-01T09:00:02.000Z"),
                ids(page(new FakeRequest().query("entity", "note").query("entityId", "2"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void fromAndToTakeInstantsOrWholeDays(String engine) throws Exception {
        open(engine);
        record("2026-02-28T23:59:59.999Z", "admin", "kernel", "module", "before");
        record("2026-03-01T00:00:00Z", "admin", "kernel", "module", "start");
        record("2026-03-01T00:00:00.500Z", "admin", "kernel", "module", "half");
        record("2026-03-01T23:59:59.999Z", "admin", "kernel", "module", "end");
        record("2026-03-02T00:00:00Z", "admin", "kernel", "module", "after");

        assertEquals(List.of("end", "half", "start"), entityIds(page(new FakeRequest().query("from", "2026-03-01").query("to", "2026-03-01"))));
        assertEquals(List.of("start"), entityIds(page(new FakeRequest().query("from", "2026-03-01T00:00:00Z")
                .query("to", "2026-03-01T00:00:00Z"))), "an instant is included at both ends");
        assertEquals(List.of("after", "end", "half"), entityIds(page(new FakeRequest().query("from", "2026-03-01T07:00:00.2+07:00"))));
        ProblemException bad = assertThrows(ProblemException.class, () -> page(new FakeRequest().query("to", "yesterday")));
        assertEquals(400, bad.status());
        assertTrue(bad.detail().contains("2026-03-01T09:00:00Z"), bad.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void pagesFollowOneAnotherThroughTheNextLink(String engine) throws Exception {
        open(engine);
        for (int i = 1; i <= 5; i++) {
            record("2026-03-01T09:00:0" + i + "Z", "admin", "example", "note", String.valueOf(i));
        }

        AuditResource.AuditPage first = page(new FakeRequest().query("module", "example").query("limit", "2"));
        assertEquals(List.of("5", "4"), entityIds(first));
        long lastId = first.entries().get(1).id();
        assertEquals("/api/v1/audit?module=example&limit=2&before=" + lastId, first.next());

        AuditResource.AuditPage second = page(new FakeRequest().query("module", "example").query("limit", "2")
                .query("before", String.valueOf(lastId)));
        assertEquals(List.of("3", "2"), entityIds(second));
        AuditResource.AuditPage third = page(new FakeRequest().query("module", "example").query("limit", "2")
                .query("before", String.valueOf(second.entries().get(1).id())));
        assertEquals(List.of("1"), entityIds(third));
        assertNull(third.next());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void aLimitOutsideOneToAThousandIsRefused(String engine) throws Exception {
        open(engine);
        for (String limit : List.of("0", "1001", "ten", "-5")) {
            assertEquals(400, assertThrows(ProblemException.class, () -> page(new FakeRequest().query("limit", limit))).status(), limit);
        }
        assertEquals(400, assertThrows(ProblemException.class, () -> page(new FakeRequest().query("before", "x"))).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void aRecordThatCannotBeWrittenIsLoggedNotThrown(String engine) throws Exception {
        open(engine);
        storage.close();

        assertDoesNotThrow(() -> record("2026-03-01T09:00:00Z", "admin", "kernel", "module", "example"));
    }

    private static List<String> entityIds(AuditResource.AuditPage page) {
        return page.entries().stream().map(AuditTable.AuditRecord::entityId).toList();
    }
}
