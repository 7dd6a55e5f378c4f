package org.nadi.platform.web.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
    static byte[] utf8(Object body) {
        Text text = new Text();
        try (JsonWriter json = GSON.newJsonWriter(text)) {
            if (body instanceof ApiResponse.JsonBody written) {
                written.writeTo(json);
            } else {
                GSON.toJson(body, body.getClass(), json);
            }
        } catch (IOException broken) {
            // Nothing here does I/O: only the route's own writing can fail, or leave the document unfinished.
            throw new IllegalStateException("The answer's JSON body could not be written: " + broken.getMessage(), broken);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The JSON text, encoded to UTF-8 once it is whole. Gson writes many short pieces: through an
     * OutputStreamWriter each went through the charset encoder on its own, which took a third of
     * the CPU of a list of 800 institutions (bench/membership-queries.sh); StringWriter and
     * CharArrayWriter lock on every piece.
     */
    private static final class Text extends Writer {

        private char[] chars = new char[1024];
        private int length;

        @Override
        public void write(int c) {
            room(1);
            chars[length++] = (char) c;
        }

        @Override
        public void write(char[] source, int offset, int count) {
            room(count);
            System.arraycopy(source, offset, chars, length, count);
            length += count;
        }

        @Override
        public void write(String source, int offset, int count) {
            room(count);
            source.getChars(offset, offset + count, chars, length);
            length += count;
        }

        private void room(int more) {
            if (length + more > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }
}
