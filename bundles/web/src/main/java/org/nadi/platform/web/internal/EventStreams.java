package org.nadi.platform.web.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.nadi.platform.web.api.ApiResponse;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The open server-sent event streams: opens them, checks at every heartbeat (15 seconds unless
 * the framework property {@value #HEARTBEAT_PROPERTY} says otherwise) that their callers may
 * still read them (a signed-out session's stream ends), and writes a heartbeat that keeps idle
 * connections open and finds clients that went away.
 */
final class EventStreams {

    /** Framework property: seconds between heartbeats. */
    static final String HEARTBEAT_PROPERTY = "nadi.events.heartbeat.seconds";
    private static final System.Logger LOG = System.getLogger(EventStreams.class.getName());

    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService writers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "nadi-event-stream-writer-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "nadi-event-stream-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    EventStreams(String heartbeatSeconds) {
        long seconds = heartbeatSeconds == null ? 15 : Long.parseLong(heartbeatSeconds.trim());
        heartbeat.scheduleWithFixedDelay(() -> open.forEach(EventStream::heartbeat), seconds, seconds, TimeUnit.SECONDS);
    }

    /** Sends the stream's headers, leaves the response open, and hands the sink to the route's opener. */
    void open(HttpServletRequest request, HttpServletResponse response, ApiResponse answer, ApiResponse.Events opener,
            EventStream.AdmissionCheck stillAdmitted) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        // Tells a buffering reverse proxy (nginx) to pass events on at once.
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        response.flushBuffer();
        EventStream stream = new EventStream(async, response.getOutputStream(), writers, stillAdmitted);
        open.add(stream);
        stream.onClose(() -> open.remove(stream));
        try {
            opener.opened(stream);
        } catch (RuntimeException broken) {
            // A module's bug ends its stream, not the request thread's other work.
            LOG.log(System.Logger.Level.ERROR, "An event stream's opener failed; closing the stream", broken);
            stream.close();
        }
    }

    void closeAll() {
        heartbeat.shutdownNow();
        open.forEach(EventStream::close);
        writers.shutdownNow();
    }
}
