package org.nadi.platform.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nadi.platform.web.api.ApiResponse.JsonBody;

class JsonTest {

    private record Person(String name, String rank, List<String> aliases) {
    }

    @Test
    void aBodyThatWritesItselfGivesTheSameBytesAsTheObjectsItStandsFor() {
        List<Person> people = List.of(new Person("Nguyễn Thị Ngọc", null, List.of("<Ngọc> & \"Lan\"")),
                new Person("Ōta Yūko 😀", "LTG", List.of()));
        JsonBody written = json -> {
            json.beginArray();
            for (Person person : people) {
                json.beginObject().name("name").value(person.name()).name("rank").value(person.rank()).name("aliases").beginArray();
                for (String alias : person.aliases()) {
                    json.value(alias);
                }
                json.endArray().endObject();
            }
            json.endArray();
        };

        String reflected = text(Json.utf8(people));
        assertEquals(reflected, text(Json.utf8(written)));
        assertEquals("[{\"name\":\"Nguyễn Thị Ngọc\",\"rank\":null,\"aliases\":[\"<Ngọc> & \\\"Lan\\\"\"]},"
                + "{\"name\":\"Ōta Yūko 😀\",\"rank\":\"LTG\",\"aliases\":[]}]", reflected,
                "UTF-8, nulls written, HTML characters left as they are");
    }

    @Test
    void aLongBodyIsWrittenWhole() {
        Map<String, String> many = new LinkedHashMap<>();
        char[] letters = new char[3000];
        Arrays.fill(letters, 'ạ');
        for (int i = 0; i < 200; i++) {
            many.put("key" + i, new String(letters));
        }
        assertEquals(Json.GSON.toJson(many), text(Json.utf8(many)));
    }

    @Test
    void textIsEncodedAsStringsAreEvenWithSurrogatesOutOfPlace() {
        String text = "ASCII, é ß, Ọ ờ ₫ 中, 😀 𝄞, a lone \uDC00 low, a high \uD83D before a letter, \uD83D\uD83D\uDE00 and one at the end \uD83D";
        assertArrayEquals(Json.GSON.toJson(List.of(text)).getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(Json.utf8(List.of(text)).bytes(), Json.utf8(List.of(text)).length()));
    }

    @Test
    void aBodyThatFailsOrLeavesItsValueUnfinishedIsTheServersError() {
        JsonBody failing = json -> {
            json.beginArray();
            throw new IOException("the list could not be read");
        };
        JsonBody unfinished = json -> json.beginArray().value(1);
        JsonBody nothing = json -> {
        };
        JsonBody twoValues = json -> json.value("one").value("two");

        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> Json.utf8(failing));
        assertTrue(failed.getMessage().contains("the list could not be read"), failed::getMessage);
        assertThrows(IllegalStateException.class, () -> Json.utf8(unfinished));
        assertThrows(IllegalStateException.class, () -> Json.utf8(nothing));
        assertThrows(IllegalStateException.class, () -> Json.utf8(twoValues));
    }

    private static String text(Json.Utf8 json) {
        return new String(json.bytes(), 0, json.length(), StandardCharsets.UTF_8);
    }
}
