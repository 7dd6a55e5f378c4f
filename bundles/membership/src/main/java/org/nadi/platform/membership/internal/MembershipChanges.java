package org.nadi.platform.membership.internal;

import java.util.Map;

import org.nadi.platform.membership.api.MembershipEvents;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Announces committed changes on the {@link MembershipEvents} topics. Event Admin is optional:
 * without it the directory works the same and nobody hears of changes.
 */
@Component(service = MembershipChanges.class)
public final class MembershipChanges {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    void created(String kind, String id) {
        post(MembershipEvents.created(kind), Map.of(MembershipEvents.KIND, kind, MembershipEvents.ID, id));
    }

    void changed(String kind, String id) {
        post(MembershipEvents.changed(kind), Map.of(MembershipEvents.KIND, kind, MembershipEvents.ID, id));
    }

    void deleted(String kind, String id) {
        post(MembershipEvents.deleted(kind), Map.of(MembershipEvents.KIND, kind, MembershipEvents.ID, id));
    }

    /** A bulk load; nothing is sent if it created nothing. */
    void loaded(int created) {
        if (created > 0) {
            post(MembershipEvents.LOADED, Map.of(MembershipEvents.CREATED_COUNT, created));
        }
    }

    private void post(String topic, Map<String, ?> properties) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }
}
