package org.nadi.platform.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.nadi.platform.web.api.EventSink;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/**
 * One open {@code text/event-stream} response. Senders only queue; one writer at a time drains
 * the queue on the shared executor, so a client that stops reading holds one pool thread, not
 * the sender. A client more than {@link #MAX_QUEUED} events behind is disconnected.
 */
final class EventStream implements EventSink {

    static final int MAX_QUEUED = 100;
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final System.Logger LOG = System.getLogger(EventStream.class.getName());

    private final AsyncContext async;
    private final OutputStream out;
    private final Executor writer;
    /** Re-checks the caller's credentials and role; false ends the stream. */
    private final AdmissionCheck stillAdmitted;
    private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final List<Runnable> closeActions = new ArrayList<>();

    @FunctionalInterface
    interface AdmissionCheck {
        boolean stillAdmitted();
    }

    EventStream(AsyncContext async, OutputStream out, Executor writer, AdmissionCheck stillAdmitted) {
        this.async = async;
        this.out = out;
        this.writer = writer;
        this.stillAdmitted = stillAdmitted;
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                close();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                close();
            }

            @Override
            public void onError(AsyncEvent event) {
                close();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // Not restarted.
            }
        });
    }

    @Override
    public boolean send(String event, Object data) {
        if (!EVENT_NAME.matcher(event).matches()) {
            throw new IllegalArgumentException("An event name is letters, digits and hyphens: " + event);
        }
        // JSON as the platform writes it has no line breaks, so it fits one data: line.
        return enqueue("event: " + event + "\ndata: " + Json.GSON.toJson(data) + "\n\n");
    }

    /** A comment line that keeps proxies and the server's idle timeout from closing a quiet stream, and finds gone clients. */
    void heartbeat() {
        if (!stillAdmitted.stillAdmitted()) {
            close();
            return;
        }
        enqueue(": keep-alive\n\n");
    }

    private boolean enqueue(String text) {
        if (!open.get()) {
            return false;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            LOG.log(System.Logger.Level.INFO, "An event stream's client fell " + MAX_QUEUED + " events behind; disconnecting it");
            close();
            return false;
        }
        queue.add(text.getBytes(StandardCharsets.UTF_8));
        if (draining.compareAndSet(false, true)) {
            writer.execute(this::drain);
        }
        return true;
    }

    private void drain() {
        try {
            byte[] next;
            while (open.get() && (next = queue.poll()) != null) {
                queued.decrementAndGet();
                out.write(next);
                out.flush();
            }
        } catch (IOException | RuntimeException gone) {
            close();
        } finally {
            draining.set(false);
        }
        // An event queued after the loop's last poll but before draining was cleared.
        if (open.get() && !queue.isEmpty() && draining.compareAndSet(false, true)) {
            writer.execute(this::drain);
        }
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void onClose(Runnable action) {
        synchronized (closeActions) {
            if (open.get()) {
                closeActions.add(action);
                return;
            }
        }
        action.run();
    }

    @Override
    public void close() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        queue.clear();
        List<Runnable> actions;
        synchronized (closeActions) {
            actions = List.copyOf(closeActions);
            closeActions.clear();
        }
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException broken) {
                LOG.log(System.Logger.Level.WARNING, "An event stream's close action failed", broken);
            }
        }
        try {
            async.complete();
        } catch (IllegalStateException alreadyComplete) {
            // The container completed it first (the client went away).
        }
    }
}
