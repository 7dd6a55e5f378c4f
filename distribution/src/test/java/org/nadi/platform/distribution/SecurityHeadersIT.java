package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Every response carries the security headers: answers, errors, and the server's own 404s. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class SecurityHeadersIT {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private NadiRuntime runtime;

    @BeforeAll
    void start() throws IOException {
        runtime = NadiRuntime.options().label("security-headers").start();
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
        for (String[] call : List.of(
                new String[] {"GET", "/api/v1/health", "200"},
                new String[] {"GET", "/api/v1/example/greeting", "200"},
                new String[] {"GET", "/api/v1/modules/no-such-module", "401"},
                new String[] {"DELETE", "/api/v1/health", "405"},
                new String[] {"GET", "/not/served/by/anything", "404"})) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + runtime.port() + call[1])).method(call[0], HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            String what = call[0] + " " + call[1];
            assertEquals(Integer.parseInt(call[2]), answer.statusCode(), what);
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("default-src 'self'"), what + ": " + policy);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), what);
            assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(""), what);
            assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(""), what);
        }
    }
}
