package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What the runtime answered to one HTTP request, with the assertions the tests make on
 * answers. Every failure message shows the request and the whole answer.
 *
 * @param request method and path, for messages
 * @param status  the HTTP status
 * @param headers the response headers, by lower-case name
 * @param body    the body as text
 */
public record HttpAnswer(String request, int status, Map<String, List<String>> headers, String body) {

    public HttpAnswer {
        Map<String, List<String>> byLowerCase = new TreeMap<>();
        headers.forEach((name, values) -> byLowerCase.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = Collections.unmodifiableMap(byLowerCase);
    }

    /** The first value of a response header, or null if there is none. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The Content-Type header, empty if none. */
    public String contentType() {
        String type = header("Content-Type");
        return type == null ? "" : type;
    }

    /** The Location header, or null. */
    public String location() {
        return header("Location");
    }

    /** The ETag header, or null. */
    public String etag() {
        return header("ETag");
    }

    /** The body parsed as JSON. */
    public JsonElement json() {
        return JsonParser.parseString(body);
    }

    /** The body parsed as a JSON object. */
    public JsonObject object() {
        return json().getAsJsonObject();
    }

    public HttpAnswer assertStatus(int expected) {
        assertEquals(expected, status, () -> "Unexpected status. " + this);
        return this;
    }

    /** Asserts a JSON answer with this status. */
    public HttpAnswer assertJson(int expected) {
        assertStatus(expected);
        assertTrue(contentType().startsWith("application/json"), () -> "Expected application/json. " + this);
        return this;
    }

    /**
     * Asserts an RFC 9457 problem with this status whose detail says something: the members
     * type, title, status and detail are present and status repeats the HTTP status.
     */
    public HttpAnswer assertProblem(int expected) {
        assertStatus(expected);
        assertTrue(contentType().startsWith("application/problem+json"), () -> "Expected application/problem+json. " + this);
        JsonObject problem = object();
        for (String member : List.of("type", "title", "status", "detail")) {
            assertTrue(problem.has(member) && !problem.get(member).isJsonNull(), () -> "The problem has no " + member + ". " + this);
        }
        assertEquals(expected, problem.get("status").getAsInt(), () -> "The problem's status differs from the HTTP status. " + this);
        assertFalse(detail().isBlank(), () -> "The problem's detail is empty. " + this);
        return this;
    }

    /** The detail of a problem answer. */
    public String detail() {
        return object().get("detail").getAsString();
    }

    /** The {@code field} a problem answer names as at fault. */
    public String field() {
        return object().get("field").getAsString();
    }

    /** One member of each object of a JSON array, such as every {@code id} of a list, as strings. */
    public static List<String> values(JsonElement array, String member) {
        List<String> values = new ArrayList<>();
        for (JsonElement element : array.getAsJsonArray()) {
            values.add(element.getAsJsonObject().get(member).getAsString());
        }
        return values;
    }

    /** A JSON array member of the answer's object as a list of strings. */
    public List<String> strings(String member) {
        return strings(object(), member);
    }

    /** A JSON array member of an object, such as a module's {@code requires}, as a list of strings. */
    public static List<String> strings(JsonObject object, String member) {
        List<String> values = new ArrayList<>();
        object.getAsJsonArray(member).forEach(value -> values.add(value.getAsString()));
        return values;
    }

    @Override
    public String toString() {
        return request + " answered " + status + " " + contentType() + (location() == null ? "" : " Location: " + location())
                + (etag() == null ? "" : " ETag: " + etag())
                + "\n" + body;
    }
}
