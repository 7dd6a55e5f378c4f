package org.nadi.platform.meetings.internal;

import java.util.List;
import java.util.Map;

import org.nadi.platform.meetings.api.MeetingEvents;
import org.nadi.platform.meetings.api.Recommendation;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Announces committed changes on the {@link MeetingEvents} topics. Event Admin is optional:
 * without it meetings work the same and nobody hears of changes.
 */
@Component(service = MeetingChanges.class)
public final class MeetingChanges {

    private volatile EventAdmin eventAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEventAdmin(EventAdmin admin) {
        this.eventAdmin = admin;
    }

    void unsetEventAdmin(EventAdmin admin) {
        if (this.eventAdmin == admin) {
            this.eventAdmin = null;
        }
    }

    /** One event to post: its topic and properties. */
    record Announcement(String topic, Map<String, Object> properties) {

        static Announcement meeting(String topic, String meetingId) {
            return new Announcement(topic, Map.of(MeetingEvents.MEETING, meetingId));
        }

        /**
         * A recommendation created, changed or given a step: {@code ADOPTED} if it now has an
         * adopted step it did not have before, {@code UPDATED} otherwise.
         */
        static Announcement recommendationChanged(Recommendation before, Recommendation after) {
            boolean adopted = adopted(after) && (before == null || !adopted(before));
            return recommendation(adopted ? MeetingEvents.RECOMMENDATION_ADOPTED : MeetingEvents.RECOMMENDATION_UPDATED, after);
        }

        static Announcement recommendation(String topic, Recommendation recommendation) {
            return new Announcement(topic, Map.of(MeetingEvents.MEETING, recommendation.meeting(), MeetingEvents.RECOMMENDATION,
                    recommendation.id(), MeetingEvents.STATUS, recommendation.status()));
        }

        private static boolean adopted(Recommendation recommendation) {
            return recommendation.history().stream().anyMatch(step -> step.status().equals(MeetingRules.ADOPTED));
        }
    }

    /** Posts the events of one committed change, in order. */
    void announce(List<Announcement> announcements) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            for (Announcement announcement : announcements) {
                admin.postEvent(new Event(announcement.topic(), announcement.properties()));
            }
        }
    }
}
