package org.nadi.platform.web.api;

import java.util.Map;

/**
 * What a route handler answers: a status, a body written as JSON (or nothing) and any extra
 * headers.
 *
 * @param status  the HTTP status
 * @param body    the body, written as JSON; {@code null} for none
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
}
