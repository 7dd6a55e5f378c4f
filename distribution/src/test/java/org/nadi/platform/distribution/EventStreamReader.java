package org.nadi.platform.distribution;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * Reads a server-sent event stream in the background, as a browser's EventSource would, and
 * hands its events to the test in order.
 */
public final class EventStreamReader implements AutoCloseable {

    /** One event: its name and its data, parsed as JSON. */
    public record Event(String name, JsonElement data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

    EventStreamReader(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void read() {
        String name = "message";
        StringBuilder data = new StringBuilder();
        try {
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name, JsonParser.parseString(data.toString())));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event: ")) {
                    name = line.substring("event: ".length());
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring("data: ".length()));
                }
            }
        } catch (RuntimeException closed) {
            // The test closed the stream, or the server ended it.
        } finally {
            ended.countDown();
        }
    }

    /** Whether the server ends the stream within the time. */
    public boolean ends(Duration within) throws InterruptedException {
        return ended.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event of this name, skipping others; fails if none arrives in time. */
    public Event next(String name, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("No '" + name + "' event within " + within.toMillis() + " ms");
            }
            if (event.name().equals(name)) {
                return event;
            }
        }
    }

    /** Whether an event of this name arrives within the time; others are skipped. */
    public boolean receives(String name, Duration within) throws InterruptedException {
        try {
            next(name, within);
            return true;
        } catch (AssertionError none) {
            return false;
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
