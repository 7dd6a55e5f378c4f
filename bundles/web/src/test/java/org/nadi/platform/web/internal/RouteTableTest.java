package org.nadi.platform.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.RouteHandler;

class RouteTableTest {

    private final RouteTable table = new RouteTable();
    private final Object meetings = new Object();
    private final Object calendar = new Object();
    private final RouteHandler list = request -> ApiResponse.ok("list");
    private final RouteHandler one = request -> ApiResponse.ok("one");

    @Test
    void matchesLiteralPathsAndCapturesParameters() {
        table.add(meetings, "GET", "/api/v1/meetings", Access.PUBLIC, list);
        table.add(meetings, "GET", "/api/v1/meetings/{id}/agenda", Access.PUBLIC, one);

        assertSame(list, table.find("GET", "/api/v1/meetings").orElseThrow().route().handler());
        RouteTable.Match agenda = table.find("GET", "/api/v1/meetings/siem-reap-2024/agenda").orElseThrow();
        assertSame(one, agenda.route().handler());
        assertEquals(Map.of("id", "siem-reap-2024"), agenda.parameters());
    }

    @Test
    void trailingSlashesDoNotMatter() {
        table.add(meetings, "GET", "/api/v1/meetings", Access.PUBLIC, list);
        assertTrue(table.find("GET", "/api/v1/meetings/").isPresent());
    }

    @Test
    void unknownPathsAndMethodsAreNotFound() {
        table.add(meetings, "GET", "/api/v1/meetings/{id}", Access.PUBLIC, one);

        assertTrue(table.find("GET", "/api/v1/meetings").isEmpty());
        assertTrue(table.find("GET", "/api/v1/meetings/a/b").isEmpty());
        assertTrue(table.find("DELETE", "/api/v1/meetings/a").isEmpty());
        assertEquals(Set.of("GET"), table.methodsFor("/api/v1/meetings/a"));
        assertTrue(table.methodsFor("/api/v1/elsewhere").isEmpty());
    }

    @Test
    void theFirstDeclarationOfARouteWins() {
        table.add(meetings, "GET", "/api/v1/meetings", Access.PUBLIC, list);
        table.add(calendar, "GET", "/api/v1/meetings", Access.PUBLIC, one);

        assertSame(list, table.find("GET", "/api/v1/meetings").orElseThrow().route().handler());
    }

    @Test
    void removingAResourceRemovesOnlyItsRoutes() {
        table.add(meetings, "GET", "/api/v1/meetings", Access.PUBLIC, list);
        table.add(calendar, "GET", "/api/v1/calendar", Access.PUBLIC, one);

        table.removeAll(meetings);

        assertTrue(table.find("GET", "/api/v1/meetings").isEmpty());
        assertTrue(table.find("GET", "/api/v1/calendar").isPresent());
    }

    @Test
    void routesMustSayWhereAndWhoMayCallThem() {
        assertThrows(IllegalArgumentException.class, () -> table.add(meetings, "GET", "/meetings", Access.PUBLIC, list));
        assertThrows(IllegalArgumentException.class, () -> table.add(meetings, "GET", "/api/v1/meetings", null, list));
        assertThrows(IllegalArgumentException.class, () -> table.add(meetings, "GET", "/api/v1/meetings", Access.PUBLIC, null));
    }
}
