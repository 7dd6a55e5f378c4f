package org.nadi.platform.membership.internal;

import java.io.IOException;
import java.time.LocalDate;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

/**
 * The module's records as JSON trees, with dates written {@code yyyy-mm-dd}. The REST API writes
 * a tree as it is; it could not write a {@link LocalDate} by itself (its fields are closed to
 * reflection), which is why responses and audit summaries go through here.
 */
final class JsonTrees {

    private final Gson gson = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .registerTypeAdapter(LocalDate.class, new IsoDate().nullSafe())
            .create();

    JsonElement tree(Object value) {
        return value == null ? null : gson.toJsonTree(value);
    }

    Gson gson() {
        return gson;
    }

    private static final class IsoDate extends TypeAdapter<LocalDate> {

        @Override
        public void write(JsonWriter out, LocalDate date) throws IOException {
            out.value(date.toString());
        }

        @Override
        public LocalDate read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return LocalDate.parse(in.nextString());
        }
    }
}
