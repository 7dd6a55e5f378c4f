package org.nadi.platform.meetings.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * One JSON object a client sent, read field by field: each reading checks the field's type
 * and form and, when it refuses, names the field with its path in the document, e.g.
 * {@code proceedings[4].speaker}. Absent and {@code null} fields are the same.
 */
final class JsonInput {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}");

    private final JsonObject object;
    /** The path of this object's fields in the document, e.g. {@code proceedings[4].}; empty at the top. */
    private final String at;

    private JsonInput(JsonObject object, String at) {
        this.object = object;
        this.at = at;
    }

    /**
     * The element as an object whose fields are named after {@code at}.
     *
     * @param where what the element is, for the refusal: its path, or "the request body"
     */
    static JsonInput of(JsonElement element, String at, String where) throws Refused {
        if (element == null || !element.isJsonObject()) {
            throw Refused.malformed(at.isEmpty() ? null : at.substring(0, at.length() - 1), where + " must be a JSON object {…}.");
        }
        return new JsonInput(element.getAsJsonObject(), at);
    }

    /** The elements of a JSON array sent as a whole body, each an object named {@code [i].}. */
    static List<JsonInput> array(JsonElement element, String what) throws Refused {
        if (element == null || !element.isJsonArray()) {
            throw Refused.malformed(null, "Send " + what + " as a JSON array [ {…}, … ].");
        }
        List<JsonInput> items = new ArrayList<>();
        JsonArray array = element.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            items.add(of(array.get(i), "[" + i + "].", "[" + i + "]"));
        }
        return items;
    }

    /** The path of a field of this object. */
    String field(String name) {
        return at + name;
    }

    boolean has(String name) {
        JsonElement value = object.get(name);
        return value != null && !value.isJsonNull();
    }

    /** A text that must be given, trimmed, of at most {@code max} characters. */
    String text(String name, int max) throws Refused {
        String value = optionalText(name, max);
        if (value == null) {
            throw Refused.malformed(field(name), field(name) + " is missing; send it as a non-empty text.");
        }
        return value;
    }

    /** A text, trimmed; {@code null} if absent or blank. */
    String optionalText(String name, int max) throws Refused {
        String value = string(name);
        return value == null || value.isBlank() ? null : limited(field(name), value, max);
    }

    /** The text trimmed, if it has no more than {@code max} characters. */
    private static String limited(String field, String value, int max) throws Refused {
        if (value.length() > max) {
            throw Refused.malformed(field, field + " has " + value.length() + " characters; at most " + max + " are kept.");
        }
        return value.trim();
    }

    /** A lower-case id such as {@code kh-gdpfa}; {@code null} if absent. */
    String optionalSlug(String name, int max) throws Refused {
        String value = string(name);
        if (value == null) {
            return null;
        }
        return slug(field(name), value, max);
    }

    String slug(String name, int max) throws Refused {
        String value = optionalSlug(name, max);
        if (value == null) {
            throw Refused.malformed(field(name), field(name) + " is missing; send an id such as kh-gdpfa.");
        }
        return value;
    }

    static String slug(String field, String value, int max) throws Refused {
        if (value.length() > max || !SLUG.matcher(value).matches()) {
            throw Refused.malformed(field, field + " is '" + value + "'; ids are up to " + max
                    + " lower-case letters and digits in words joined by hyphens, e.g. kh-gdpfa.");
        }
        return value;
    }

    /** A country's ISO 3166 alpha-2 code; lower case is accepted. {@code null} if absent. */
    String optionalCode(String name) throws Refused {
        String value = string(name);
        return value == null ? null : code(field(name), value);
    }

    String code(String name) throws Refused {
        String value = optionalCode(name);
        if (value == null) {
            throw Refused.malformed(field(name), field(name) + " is missing; send a country's ISO 3166 alpha-2 code such as KH.");
        }
        return value;
    }

    static String code(String field, String value) throws Refused {
        String code = value.trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw Refused.malformed(field, field + " is '" + value + "'; give a country's ISO 3166 alpha-2 code, two letters such as KH.");
        }
        return code;
    }

    /** One of the allowed values; {@code otherwise} if absent ({@code null} makes it required). */
    String oneOf(String name, List<String> allowed, String otherwise) throws Refused {
        String value = string(name);
        if (value == null && otherwise != null) {
            return otherwise;
        }
        return oneOf(field(name), value, allowed);
    }

    static String oneOf(String field, String value, List<String> allowed) throws Refused {
        if (value == null || !allowed.contains(value)) {
            throw Refused.malformed(field, field + " is " + (value == null ? "missing" : "'" + value + "'") + "; give one of "
                    + String.join(", ", allowed) + ".");
        }
        return value;
    }

    LocalDate date(String name) throws Refused {
        LocalDate value = optionalDate(name);
        if (value == null) {
            throw Refused.malformed(field(name), field(name) + " is missing; give a date as yyyy-mm-dd, e.g. 2024-09-18.");
        }
        return value;
    }

    LocalDate optionalDate(String name) throws Refused {
        String value = string(name);
        return value == null ? null : date(field(name), value);
    }

    static LocalDate date(String field, String value) throws Refused {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException notADate) {
            throw Refused.malformed(field, field + " is '" + value + "'; give a date as yyyy-mm-dd, e.g. 2024-09-18.");
        }
    }

    /** A time of day as hh:mm; {@code null} if absent. */
    LocalTime optionalTime(String name) throws Refused {
        String value = string(name);
        if (value == null) {
            return null;
        }
        try {
            if (TIME.matcher(value.trim()).matches()) {
                return LocalTime.parse(value.trim());
            }
        } catch (DateTimeParseException notATime) {
            // answered below
        }
        throw Refused.malformed(field(name), field(name) + " is '" + value + "'; give a time of day as hh:mm, e.g. 09:30.");
    }

    /** A whole number from 1 on, such as an item's id; {@code null} if absent. */
    Long optionalId(String name) throws Refused {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        return id(field(name), value);
    }

    static long id(String field, JsonElement value) throws Refused {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            double number = value.getAsDouble();
            if (number >= 1 && number <= Integer.MAX_VALUE && number == Math.rint(number)) {
                return (long) number;
            }
        }
        throw Refused.malformed(field, field + " is " + value + "; give an item's id, a whole number from 1.");
    }

    /** A list of texts, each trimmed and not blank; empty if absent. */
    List<String> texts(String name, int max) throws Refused {
        return each(name, (path, value) -> {
            if (value.isBlank()) {
                throw Refused.malformed(path, path + " is empty; leave the entry out instead.");
            }
            return limited(path, value, max);
        });
    }

    /** A list of texts, each checked by the reader, which gets the entry's path and value. */
    List<String> each(String name, EntryReader reader) throws Refused {
        List<String> values = new ArrayList<>();
        JsonArray array = array(name);
        for (int i = 0; i < array.size(); i++) {
            String path = field(name) + "[" + i + "]";
            String value = string(path, array.get(i));
            if (value == null) {
                throw Refused.malformed(path, path + " is null; leave the entry out instead.");
            }
            values.add(reader.read(path, value));
        }
        return values;
    }

    /** Reads one entry of a list of texts. */
    @FunctionalInterface
    interface EntryReader {
        String read(String path, String value) throws Refused;
    }

    /** A list of ids (whole numbers from 1), such as a new order of items; empty if absent. */
    List<Long> ids(String name) throws Refused {
        List<Long> ids = new ArrayList<>();
        JsonArray array = array(name);
        for (int i = 0; i < array.size(); i++) {
            ids.add(id(field(name) + "[" + i + "]", array.get(i)));
        }
        return ids;
    }

    /** A list of objects, each named {@code name[i].}; empty if absent. */
    List<JsonInput> objects(String name) throws Refused {
        List<JsonInput> objects = new ArrayList<>();
        JsonArray array = array(name);
        for (int i = 0; i < array.size(); i++) {
            String path = field(name) + "[" + i + "]";
            objects.add(of(array.get(i), path + ".", path));
        }
        return objects;
    }

    /** A field that holds an object, named {@code name.}; {@code null} if absent. */
    JsonInput optionalObject(String name) throws Refused {
        return has(name) ? of(object.get(name), field(name) + ".", field(name)) : null;
    }

    private JsonArray array(String name) throws Refused {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return new JsonArray();
        }
        if (!value.isJsonArray()) {
            throw Refused.malformed(field(name), field(name) + " must be a JSON array [ … ], not " + value + ".");
        }
        return value.getAsJsonArray();
    }

    private String string(String name) throws Refused {
        return string(field(name), object.get(name));
    }

    private static String string(String field, JsonElement value) throws Refused {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonPrimitive() && ((JsonPrimitive) value).isString()) {
            return value.getAsString();
        }
        throw Refused.malformed(field, field + " must be a text in quotes, not " + value + ".");
    }
}
