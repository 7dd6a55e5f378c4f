package org.nadi.platform.web.internal;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import org.nadi.platform.web.api.ApiResponse;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.stream.JsonWriter;

/** The one JSON setup of the REST API, and how an answer's body becomes its bytes. */
final class Json {

    static final Gson GSON = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .create();

    private Json() {
    }

    /**
     * The body as UTF-8 JSON: a {@link ApiResponse.JsonBody} writes itself, anything else is
     * written by reflection.
     *
     * @throws IllegalStateException if a {@code JsonBody} failed or wrote no complete value
     */
    static Utf8 utf8(Object body) {
        Utf8 bytes = new Utf8();
        // Gson writes many short pieces: unbuffered, each went through the charset encoder on its own,
        // a third of the CPU of a list of 800 institutions (bench/membership-queries.sh).
        try (JsonWriter json = GSON.newJsonWriter(new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8)))) {
            if (body instanceof ApiResponse.JsonBody written) {
                written.writeTo(json);
            } else {
                GSON.toJson(body, body.getClass(), json);
            }
        } catch (IOException broken) {
            // Nothing here does I/O: only the route's own writing can fail, or leave the document unfinished.
            throw new IllegalStateException("The answer's JSON body could not be written: " + broken.getMessage(), broken);
        }
        return bytes;
    }

    /** The bytes of an answer, read where they were written: {@code bytes()[0 .. length())}, no copy. */
    static final class Utf8 extends ByteArrayOutputStream {

        Utf8() {
            super(1024);
        }

        byte[] bytes() {
            return buf;
        }

        int length() {
            return count;
        }
    }
}
