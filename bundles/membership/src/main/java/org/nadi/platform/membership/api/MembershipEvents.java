package org.nadi.platform.membership.api;

/**
 * The OSGi Event Admin topics on which the membership module announces its changes, once they
 * are committed. Each event carries {@link #KIND} and {@link #ID}; listen with an
 * {@code org.osgi.service.event.EventHandler} whose {@code event.topics} is {@link #ALL} or one
 * topic:
 *
 * <pre>{@code
 * @Component(property = EventConstants.EVENT_TOPIC + "=" + MembershipEvents.ALL)
 * public final class ParticipantNames implements EventHandler {
 *     @Override
 *     public void handleEvent(Event event) {
 *         if (MembershipEvents.PERSON.equals(event.getProperty(MembershipEvents.KIND))) {
 *             forget((String) event.getProperty(MembershipEvents.ID));
 *         }
 *     }
 * }
 * }</pre>
 *
 * Events are delivered asynchronously, in order. A bulk load (the reference data) sends one
 * {@link #LOADED} event instead of one per record: after it, anything may have changed.
 *
 * @since 1.1
 */
public final class MembershipEvents {

    /** Every topic of this module, for {@code event.topics}. */
    public static final String ALL = "org/nadi/platform/membership/*";
    /** Sent after a bulk load; its {@link #CREATED_COUNT} says how many records it created. */
    public static final String LOADED = "org/nadi/platform/membership/LOADED";

    /** Kinds of record, the second level of a topic and the value of {@link #KIND}. */
    public static final String COUNTRY = "country";
    public static final String BODY = "body";
    public static final String INSTITUTION = "institution";
    public static final String PERSON = "person";
    public static final String MEMBERSHIP = "membership";
    public static final String CO_CHAIR = "cochair-cycle";

    /** Property: the kind of record changed, e.g. {@value #PERSON}. */
    public static final String KIND = "kind";
    /** Property: the id of the record changed, as text (memberships and co-chair cycles too). */
    public static final String ID = "id";
    /** Property of {@link #LOADED}: how many records the load created, an {@code Integer}. */
    public static final String CREATED_COUNT = "created";

    private MembershipEvents() {
    }

    /** The topic of a record created, e.g. {@code org/nadi/platform/membership/person/CREATED}. */
    public static String created(String kind) {
        return topic(kind, "CREATED");
    }

    /** The topic of a record changed (replaced). */
    public static String changed(String kind) {
        return topic(kind, "CHANGED");
    }

    /** The topic of a record deleted. */
    public static String deleted(String kind) {
        return topic(kind, "DELETED");
    }

    private static String topic(String kind, String change) {
        return "org/nadi/platform/membership/" + kind + "/" + change;
    }
}
