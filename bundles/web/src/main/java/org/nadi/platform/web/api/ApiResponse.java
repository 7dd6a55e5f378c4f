package org.nadi.platform.web.api;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a route handler answers: a status, a body written as JSON (or nothing, or a file to
 * download) and any extra headers.
 *
 * @param status  the HTTP status
 * @param body    the body, written as JSON; {@code null} for none; a {@link Download} is sent as is,
 *                and {@link Events} opens an event stream
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
