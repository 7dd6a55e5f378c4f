package org.nadi.platform.web.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The open end of a server-sent event stream ({@code text/event-stream}) that a route answered
 * with {@link ApiResponse#events}. Events are queued and written in order by the platform, so
 * {@link #send} never blocks on a slow client; a client that falls too far behind is
 * disconnected, and its browser reconnects.
 *
 * <p>The platform ends the stream when the client goes away, and when the caller's session or
 * token stops being valid or their role no longer allows the route (checked every few seconds).
 *
 * @since 2.2
 */
@ProviderType
public interface EventSink {

    /**
     * Queues one event.
     *
     * @param event the event's name, letters, digits and hyphens, e.g. {@code workbench}
     * @param data  written as JSON
     * @return false if the stream has ended, so the sender can forget it
     */
    boolean send(String event, Object data);

    /** False once the stream has ended. */
    boolean isOpen();

    /** Runs the action once when the stream ends, or at once if it has ended already. */
    void onClose(Runnable action);

    /** Ends the stream. */
    void close();
}
