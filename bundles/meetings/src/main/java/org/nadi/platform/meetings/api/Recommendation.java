package org.nadi.platform.meetings.api;

import java.util.List;

/**
 * A recommendation, proposed in a presentation or adopted by a meeting, with what became of it.
 *
 * @param id         unique across meetings, e.g. {@code nadi-2024-09-siem-reap-r7}
 * @param meeting    the id of the meeting where it was made
 * @param proceeding the id of the meeting's proceeding item that made it
 * @param label      its letter within a presentation ({@code a}, {@code b}, …) or its number among the
 *                   meeting's own recommendations ({@code 1}, {@code 2}, …), from its place in the item
 * @param text       what it recommends
 * @param addressees whom it addresses, each one of {@link MeetingRepository#ADDRESSEES}
 * @param topics     lower-case topic slugs such as {@code ai} or {@code centrality}
 * @param sources    for a meeting's own recommendation: the ids of the recommendations it came from
 * @param countries  the ISO codes of its countries of origin: the presenting country of its item and
 *                   those of its sources, sorted
 * @param history    its follow-up, oldest step first; never empty
 */
public record Recommendation(String id, String meeting, long proceeding, String label, String text, List<String> addressees,
        List<String> topics, List<String> sources, List<String> countries, List<FollowUp> history) {

    public Recommendation {
        addressees = List.copyOf(addressees);
        topics = List.copyOf(topics);
        sources = List.copyOf(sources);
        countries = List.copyOf(countries);
        history = List.copyOf(history);
    }

    /** Its last step of follow-up: where it stands now. */
    public FollowUp lastStep() {
        return history.get(history.size() - 1);
    }

    /** Its status now, the last step's: one of {@link MeetingRepository#RECOMMENDATION_STATUSES}. */
    public String status() {
        return lastStep().status();
    }
}
