package org.nadi.platform.web.internal;

import java.io.IOException;
import java.io.Writer;
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
    static Utf8 utf8(Object body) {
        Utf8 text = new Utf8();
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
        return text;
    }

    /**
     * Text encoded to UTF-8 bytes as it is written. Gson writes many short pieces: through an
     * OutputStreamWriter each went through the charset encoder on its own, which took a third of
     * the CPU of a list of 800 institutions (bench/membership-queries.sh); collected as chars and
     * encoded at the end, the copies made two thirds of the list's garbage, and a young
     * collection every four requests. A surrogate that is not half of a pair is written {@code ?},
     * as {@link String#getBytes} does.
     */
    static final class Utf8 extends Writer {

        private byte[] bytes = new byte[1024];
        private int length;
        private char highSurrogate;

        /** The bytes written: {@code bytes()[0 .. length())}. */
        byte[] bytes() {
            endPair();
            return bytes;
        }

        int length() {
            endPair();
            return length;
        }

        @Override
        public void write(int c) {
            room(1);
            put((char) c);
        }

        @Override
        public void write(char[] source, int offset, int count) {
            room(count);
            for (int i = offset; i < offset + count; i++) {
                put(source[i]);
            }
        }

        @Override
        public void write(String source, int offset, int count) {
            room(count);
            // Most of it is ASCII: copied in a loop of its own, with the buffer in locals (room() made
            // enough of it for the whole piece, so put() never replaces it).
            byte[] into = bytes;
            int at = length;
            for (int i = offset; i < offset + count; i++) {
                char c = source.charAt(i);
                if (c < 0x80 && highSurrogate == 0) {
                    into[at++] = (byte) c;
                } else {
                    length = at;
                    put(c);
                    at = length;
                }
            }
            length = at;
        }

        /** Room for that many more characters: at most 3 bytes each (a pair is 4 bytes for 2), and a {@code ?}. */
        private void room(int characters) {
            long needed = length + 3L * characters + 1;
            if (needed > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.toIntExact(Math.max(2L * bytes.length, needed)));
            }
        }

        private void put(char c) {
            if (highSurrogate != 0) {
                char high = highSurrogate;
                highSurrogate = 0;
                if (Character.isLowSurrogate(c)) {
                    int codePoint = Character.toCodePoint(high, c);
                    bytes[length++] = (byte) (0xF0 | codePoint >> 18);
                    bytes[length++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                    bytes[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                    bytes[length++] = (byte) (0x80 | codePoint & 0x3F);
                    return;
                }
                bytes[length++] = '?';
            }
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | c >> 6);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                highSurrogate = c;
            } else if (Character.isLowSurrogate(c)) {
                bytes[length++] = '?';
            } else {
                bytes[length++] = (byte) (0xE0 | c >> 12);
                bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            }
        }

        /** A high surrogate that no low one followed. */
        private void endPair() {
            if (highSurrogate != 0) {
                highSurrogate = 0;
                bytes[length++] = '?';
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
