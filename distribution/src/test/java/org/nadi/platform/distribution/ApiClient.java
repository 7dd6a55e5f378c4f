package org.nadi.platform.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends HTTP requests to one {@link NadiRuntime} as one kind of caller: anonymous, a browser
 * session (cookie and CSRF token) or a script (bearer token), as the headers it adds say. A
 * client is immutable; {@link #withHeader} makes another.
 */
public final class ApiClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String LOOPBACK = "127.0.0.1";

    private final NadiRuntime runtime;
    private final Map<String, String> headers;

    ApiClient(NadiRuntime runtime, Map<String, String> headers) {
        this.runtime = runtime;
        this.headers = Map.copyOf(headers);
    }

    /** This client, sending one more header (or another value of one it sends). */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(runtime, more);
    }

    /** This client, no longer sending a header. */
    public ApiClient withoutHeader(String name) {
        Map<String, String> fewer = new LinkedHashMap<>(headers);
        fewer.remove(name);
        return new ApiClient(runtime, fewer);
    }

    public HttpAnswer get(String path) {
        return send(request(path).GET());
    }

    public HttpAnswer post(String path) {
        return send(request(path).POST(BodyPublishers.noBody()));
    }

    public HttpAnswer delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any method with a body of the given content type. */
    public HttpAnswer send(String method, String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).method(method, BodyPublishers.ofByteArray(body)));
    }

    /** POST with a body of the given content type. */
    public HttpAnswer post(String path, String contentType, byte[] body) {
        return send("POST", path, contentType, body);
    }

    /** PUT with a body of the given content type. */
    public HttpAnswer put(String path, String contentType, byte[] body) {
        return send("PUT", path, contentType, body);
    }

    /** POST with a JSON body. */
    public HttpAnswer postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** PUT with a JSON body and, unless null, an If-Match header. */
    public HttpAnswer putJson(String path, String json, String ifMatch) {
        return sendJson("PUT", path, json, ifMatch);
    }

    /** PATCH with a JSON body and, unless null, an If-Match header. */
    public HttpAnswer patchJson(String path, String json, String ifMatch) {
        return sendJson("PATCH", path, json, ifMatch);
    }

    private HttpAnswer sendJson(String method, String path, String json, String ifMatch) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** POST with no body whose answer, if 200, is saved to the file; answers the status. */
    public int postForFile(String path, Path file) {
        HttpRequest built = request(path).POST(BodyPublishers.noBody()).build();
        try {
            var response = runtime.http().send(built, BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                Files.write(file, response.body());
            }
            return response.statusCode();
        } catch (IOException failed) {
            throw new UncheckedIOException("POST " + path + " failed. The runtime said:\n" + runtime.output(), failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + path, interrupted);
        }
    }

    /** Uploads a jar as the request body, as an administration script would. */
    public HttpAnswer postJar(String path, Path jar) {
        return post(path, "application/java-archive", read(jar));
    }

    /** Sends a jar as the body of a PUT, as an update would. */
    public HttpAnswer putJar(String path, Path jar) {
        return put(path, "application/java-archive", read(jar));
    }

    /** Uploads a file as a browser's form would: multipart/form-data with one file part. */
    public HttpAnswer postMultipart(String path, String fieldName, Path file) {
        String boundary = "nadi-it-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + fieldName + "\"; filename=\"" + file.getFileName() + "\"\r\n"
                + "Content-Type: application/java-archive\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        BodyPublisher body = BodyPublishers.concat(
                BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                BodyPublishers.ofByteArray(read(file)),
                BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body));
    }

    /**
     * GETs an event stream and reads it up to the end of its first event, then hangs up. The
     * answer's body is that event's lines (e.g. {@code event: workbench} and {@code data: {...}});
     * a refusal's body is its problem document.
     */
    public HttpAnswer firstEvent(String path) {
        HttpRequest built = request(path).GET().build();
        try {
            var response = runtime.http().send(built, BodyHandlers.ofLines());
            try (var lines = response.body()) {
                String body = response.statusCode() == 200
                        ? lines.takeWhile(line -> !line.isEmpty()).collect(java.util.stream.Collectors.joining("\n"))
                        : lines.collect(java.util.stream.Collectors.joining("\n"));
                return new HttpAnswer("GET " + path, response.statusCode(), response.headers().map(), body);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("GET " + built.uri() + " failed. The runtime said:\n" + runtime.output(), failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + built.uri(), interrupted);
        }
    }

    /** Opens an event stream with this client's credentials and reads it in the background. */
    public EventStreamReader events(String path) {
        HttpRequest built = request(path).GET().build();
        try {
            return new EventStreamReader(runtime.http().send(built, BodyHandlers.ofLines()));
        } catch (IOException failed) {
            throw new UncheckedIOException("GET " + built.uri() + " failed. The runtime said:\n" + runtime.output(), failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + built.uri(), interrupted);
        }
    }

    /** GET through another address of this machine than loopback, e.g. its own network address. */
    public HttpAnswer getVia(InetAddress address, String path) {
        return send(request(URI.create("http://" + address.getHostAddress() + ":" + runtime.port() + path)).GET());
    }

    private HttpRequest.Builder request(String path) {
        return request(URI.create("http://" + LOOPBACK + ":" + runtime.port() + path));
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
        headers.forEach(request::header);
        return request;
    }

    private HttpAnswer send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            var response = runtime.http().send(built, BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpAnswer(built.method() + " " + built.uri().getPath(), response.statusCode(), response.headers().map(),
                    response.body());
        } catch (IOException failed) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed. The runtime said:\n" + runtime.output(),
                    failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + built.uri(), interrupted);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
