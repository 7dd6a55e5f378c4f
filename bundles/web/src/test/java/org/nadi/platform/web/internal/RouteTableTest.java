package org.nadi.platform.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
        table.add(meetings, "meetings", "GET", "/api/v1/meetings", Access.ANYONE, list);
        table.add(meetings, "meetings", "GET", "/api/v1/meetings/{id}/agenda", Access.ANYONE, one);

        assertSame(list, table.find("GET", "/api/v1/meetings").orElseThrow().route().handler());
        RouteTable.Match agenda = table.find("GET", "/api/v1/meetings/siem-reap-2024/agenda").orElseThrow();
        assertSame(one, agenda.route().handler());
        assertEquals(Map.of("id", "siem-reap-2024"), agenda.parameters());
    }

    @Test
    void trailingSlashesDoNotMatter() {
        table.add(meetings, "meetings", "GET", "/api/v1/meetings", Access.ANYONE, list);
        assertTrue(table.find("GET", "/api/v1/meetings/").isPresent());
    }

    @Test
    void unknownPathsAndMethodsAreNotFound() {
        table.add(meetings, "meetings", "GET", "/api/v1/meetings/{id}", Access.ANYONE, one);

        assertTrue(table.find("GET", "/api/v1/meetings").isEmpty());
        assertTrue(table.find("GET", "/api/v1/meetings/a/b").isEmpty());
        assertTrue(table.find("DELETE", "/api/v1/meetings/a").isEmpty());
        assertEquals(Set.of("GET"), table.methodsFor("/api/v1/meetings/a"));
        assertTrue(table.methodsFor("/api/v1/elsewhere").isEmpty());
    }

    @Test
    void theFirstDeclarationOfARouteWins() {
        table.add(meetings, "meetings", "GET", "/api/v1/meetings", Access.ANYONE, list);
        table.add(calendar, "calendar", "GET", "/api/v1/meetings", Access.ANYONE, one);

        assertSame(list, table.find("GET", "/api/v1/meetings").orElseThrow().route().handler());
    }

    @Test
    void removingAResourceRemovesOnlyItsRoutes() {
        table.add(meetings, "meetings", "GET", "/api/v1/meetings", Access.ANYONE, list);
        table.add(calendar, "calendar", "GET", "/api/v1/calendar", Access.ANYONE, one);

        table.removeAll(meetings);

        assertTrue(table.find("GET", "/api/v1/meetings").isEmpty());
        assertTrue(table.find("GET", "/api/v1/calendar").isPresent());
    }

    @Test
    void routesMustSayWhereAndWhatTheyDo() {
        assertThrows(IllegalArgumentException.class, () -> table.add(meetings, "meetings", "GET", "/meetings", Access.ANYONE, list));
        assertThrows(IllegalArgumentException.class, () -> table.add(meetings, "meetings", "GET", "/api/v1/meetings", Access.ANYONE, null));
    }

    @Test
    void aRouteThatDeclaresNoAccessIsKeptWithoutOne() {
        table.add(meetings, "meetings", "GET", "/api/v1/meetings", null, list);

        RouteTable.Route route = table.find("GET", "/api/v1/meetings").orElseThrow().route();
        assertNull(route.access(), "the servlet refuses such a route to everyone");
        assertEquals("meetings", route.module());
    }
}
