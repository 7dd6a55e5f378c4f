package org.nadi.platform.meetings.api;

/**
 * The OSGi Event Admin topics on which the meetings module announces its changes, once they are
 * committed. Listen with an {@code org.osgi.service.event.EventHandler} whose
 * {@code event.topics} is {@link #ALL}, {@link #MEETING_ALL}, {@link #RECOMMENDATION_ALL} or one
 * topic:
 *
 * <pre>{@code
 * @Component(property = EventConstants.EVENT_TOPIC + "=" + MeetingEvents.RECOMMENDATION_ADOPTED)
 * public final class AdoptedRecommendations implements EventHandler {
 *     @Override
 *     public void handleEvent(Event event) {
 *         remember((String) event.getProperty(MeetingEvents.MEETING),
 *                  (String) event.getProperty(MeetingEvents.RECOMMENDATION));
 *     }
 * }
 * }</pre>
 *
 * Every event carries {@link #MEETING}; recommendation events also carry
 * {@link #RECOMMENDATION} and {@link #STATUS}. Each committed change sends one meeting event
 * ({@code CREATED}, {@code CHANGED}, {@code HELD} or {@code DELETED}) and, for each
 * recommendation it created, changed or deleted, one recommendation event after it. Events are
 * delivered asynchronously, in order.
 */
public final class MeetingEvents {

    /** Every topic of this module, for {@code event.topics}. */
    public static final String ALL = "org/nadi/platform/meetings/*";
    /** Every meeting topic. */
    public static final String MEETING_ALL = "org/nadi/platform/meetings/meeting/*";
    /** Every recommendation topic. */
    public static final String RECOMMENDATION_ALL = "org/nadi/platform/meetings/recommendation/*";

    /** A meeting was created (by REST, an import or the demo data), with all its parts. */
    public static final String MEETING_CREATED = "org/nadi/platform/meetings/meeting/CREATED";
    /** A meeting or one of its parts changed, other than becoming held. */
    public static final String MEETING_CHANGED = "org/nadi/platform/meetings/meeting/CHANGED";
    /** A meeting's status became {@code held}. */
    public static final String MEETING_HELD = "org/nadi/platform/meetings/meeting/HELD";
    /** A meeting was deleted, with everything in it. */
    public static final String MEETING_DELETED = "org/nadi/platform/meetings/meeting/DELETED";
    /** A recommendation got an {@code adopted} step, or was created adopted. */
    public static final String RECOMMENDATION_ADOPTED = "org/nadi/platform/meetings/recommendation/ADOPTED";
    /** A recommendation was created or changed, or got a follow-up step, other than becoming adopted. */
    public static final String RECOMMENDATION_UPDATED = "org/nadi/platform/meetings/recommendation/UPDATED";
    /** A recommendation was deleted from its meeting (a deleted meeting sends only {@link #MEETING_DELETED}). */
    public static final String RECOMMENDATION_DELETED = "org/nadi/platform/meetings/recommendation/DELETED";

    /** Property: the meeting's id. */
    public static final String MEETING = "meeting";
    /** Property of recommendation events: the recommendation's id. */
    public static final String RECOMMENDATION = "recommendation";
    /** Property of recommendation events: its status after the change, e.g. {@code adopted}. */
    public static final String STATUS = "status";

    private MeetingEvents() {
    }
}
