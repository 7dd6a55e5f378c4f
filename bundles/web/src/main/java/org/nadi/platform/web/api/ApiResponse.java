package org.nadi.platform.web.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.google.gson.stream.JsonWriter;

/**
 * What a route handler answers: a status, a body written as JSON (or nothing, or a file to
 * download) and any extra headers.
 *
 * <p>A body is turned into JSON by reflection (Gson: a record's components, a map's entries,
 * nulls written as {@code null}). A long list answers faster as a {@link JsonBody} that writes
 * its values itself: {@code ApiResponse.ok((JsonBody) json -> …)}.
 *
 * @param status  the HTTP status
 * @param body    the body, written as JSON; {@code null} for none; a {@link JsonBody} writes itself,
 *                a {@link Download} is sent as is, and {@link Events} opens an event stream
 * @param headers extra response headers
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** 200 with a JSON body. */
    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    /** 201 with a JSON body and the new resource's location. */
    public static ApiResponse created(String location, Object body) {
        return new ApiResponse(201, body, Map.of("Location", location));
    }

    /** 204 with no body. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    /** Any status with a JSON body. */
    public static ApiResponse status(int status, Object body) {
        return new ApiResponse(status, body, Map.of());
    }

    /**
     * 200 with a file as the body, offered to the client for saving under the given name.
     *
     * @since 1.1
     */
    public static ApiResponse download(Download file) {
        return new ApiResponse(200, file, Map.of("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\""));
    }

    /**
     * 200 with a server-sent event stream ({@code text/event-stream}) that stays open: the
     * opener is called once the stream's headers are sent, and keeps the sink to send events
     * through until it ends. A route answering with a stream should be a {@code GET}.
     *
     * @since 2.2
     */
    public static ApiResponse events(Events opener) {
        return new ApiResponse(200, opener, Map.of());
    }

    /**
     * This response with an extra header.
     *
     * @since 1.1
     */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, body, more);
    }

    /**
     * This response with the {@code ETag} of an editable record at this version, which the
     * client sends back in {@code If-Match} to change it (see {@link ApiRequest#ifMatchVersion()}).
     *
     * @since 1.1
     */
    public ApiResponse withETag(long version) {
        return withHeader("ETag", "\"" + version + "\"");
    }

    /**
     * A JSON body that the route writes itself, value by value, instead of handing over objects
     * for the platform to turn into JSON by reflection: for long lists, where reflection and the
     * intermediate objects cost most of an answer's time ({@code bench/membership-queries.sh}
     * in the platform's repository). The writer is set up as for every
     * other answer: nulls are written, HTML characters are not escaped. The platform sends what
     * was written once the route has returned, with its length; a body that fails to write, or
     * does not write exactly one complete JSON value, is answered 500 and logged.
     *
     * <pre>{@code
     * return ApiResponse.ok((JsonBody) json -> {
     *     json.beginArray();
     *     for (Note note : notes) {
     *         json.beginObject().name("id").value(note.id()).name("text").value(note.text()).endObject();
     *     }
     *     json.endArray();
     * });
     * }</pre>
     *
     * @since 2.3
     */
    @FunctionalInterface
    public interface JsonBody {

        /**
         * Writes the body: exactly one JSON value (an array, an object…). Called once, after the
         * route returned, on the thread that answers the request: read what it writes before
         * returning (the route's database transactions have ended by then), and do not block.
         *
         * @param json where to write it; do not close it
         * @throws IOException if the value cannot be written; the client gets a 500
         */
        void writeTo(JsonWriter json) throws IOException;
    }

    /**
     * A file sent as the response body.
     *
     * @param file        the file
     * @param contentType its media type, e.g. {@code application/vnd.sqlite3}
     * @param fileName    the name the client is offered to save it under; letters, digits, dots, hyphens
     * @param temporary   true to delete the file once it has been sent
     * @since 1.1
     */
    public record Download(Path file, String contentType, String fileName, boolean temporary) {

        public Download {
            if (!fileName.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("Not a plain file name: " + fileName);
            }
        }
    }

    /**
     * What a route does with the event stream it opened: keep the sink and send through it.
     *
     * @since 2.2
     */
    @FunctionalInterface
    public interface Events {
        void opened(EventSink sink);
    }
}
