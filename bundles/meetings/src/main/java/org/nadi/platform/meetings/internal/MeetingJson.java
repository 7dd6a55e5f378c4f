package org.nadi.platform.meetings.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.nadi.platform.meetings.api.Meeting;
import org.nadi.platform.meetings.api.MeetingSummary;
import org.nadi.platform.meetings.api.Participant;
import org.nadi.platform.meetings.api.ProceedingItem;
import org.nadi.platform.meetings.api.Recommendation;
import org.nadi.platform.membership.api.Affiliation;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.membership.api.InstitutionName;
import org.nadi.platform.membership.api.Person;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

/**
 * The meetings as the REST API writes them (and the audit trail keeps them): the API's records
 * as JSON, with dates as {@code yyyy-mm-dd} and times as {@code hh:mm}, and the fields the
 * server derives added: participants' names and positions as of the meeting's first day, the
 * recommendations each proceeding item made, each recommendation's status.
 */
final class MeetingJson {

    private final Gson gson = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .registerTypeAdapter(LocalDate.class, new AsText<>(LocalDate::parse).nullSafe())
            .registerTypeAdapter(LocalTime.class, new AsText<>(LocalTime::parse).nullSafe())
            .create();

    JsonElement tree(Object value) {
        return value == null ? null : gson.toJsonTree(value);
    }

    /**
     * The whole document, its participants named from the directory's answers. Each part is
     * turned into JSON once: a tree of the whole meeting whose parts were then replaced was a
     * sixth of the time of answering a meeting of 148 recommendations (bench/meetings.sh).
     */
    JsonObject document(Meeting meeting, References.Named named) {
        JsonObject document = tree(Header.of(meeting)).getAsJsonObject();
        document.add("agenda", tree(meeting.agenda()));
        document.add("programme", tree(meeting.programme()));
        JsonArray participants = new JsonArray();
        for (Participant participant : meeting.participants()) {
            participants.add(participant(participant, meeting.from(), named));
        }
        document.add("participants", participants);
        JsonArray proceedings = new JsonArray();
        for (ProceedingItem item : meeting.proceedings()) {
            proceedings.add(proceeding(item, meeting));
        }
        document.add("proceedings", proceedings);
        document.add("recommendations", recommendations(meeting.recommendations()));
        document.addProperty("version", meeting.version());
        return document;
    }

    /**
     * A participant with, from the directory as of the day, the person's {@code name},
     * {@code rank}, {@code honorific}, {@code pronoun} and {@code position}, and the name of
     * their institution (the one given, else the one they worked at then); {@code null} where
     * not known.
     */
    JsonObject participant(Participant participant, LocalDate day, References.Named named) {
        JsonObject object = tree(participant).getAsJsonObject();
        Person person = participant.person() == null ? null : named.people().get(participant.person());
        Optional<Affiliation> affiliation = person == null ? Optional.empty() : person.affiliationOn(day);
        object.addProperty("name", person == null ? null : person.name());
        object.addProperty("rank", person == null ? null : person.rank());
        object.addProperty("honorific", person == null ? null : person.honorific());
        object.addProperty("pronoun", person == null ? null : person.pronoun());
        object.addProperty("position", affiliation.map(Affiliation::position).orElse(null));
        String institutionId = participant.institution() != null ? participant.institution()
                : affiliation.map(Affiliation::institution).orElse(null);
        Institution institution = institutionId == null ? null : named.institutions().get(institutionId);
        InstitutionName name = institution == null ? null : institution.nameOn(day).orElse(institution.currentName());
        object.addProperty("institutionName", name == null ? null : name.name());
        return object;
    }

    /** An item with the ids of the recommendations it made, by label. */
    JsonObject proceeding(ProceedingItem item, Meeting meeting) {
        JsonObject object = tree(item).getAsJsonObject();
        JsonArray made = new JsonArray();
        meeting.recommendationsOf(item.id()).forEach(recommendation -> made.add(recommendation.id()));
        object.add("recommendations", made);
        return object;
    }

    JsonArray proceedings(List<ProceedingItem> items, Meeting meeting) {
        JsonArray array = new JsonArray();
        items.forEach(item -> array.add(proceeding(item, meeting)));
        return array;
    }

    /** A recommendation with its {@code status} (its last step's) before its history. */
    JsonObject recommendation(Recommendation recommendation) {
        JsonObject object = tree(recommendation).getAsJsonObject();
        JsonElement history = object.remove("history");
        object.addProperty("status", recommendation.status());
        object.add("history", history);
        return object;
    }

    JsonArray recommendations(List<Recommendation> recommendations) {
        JsonArray array = new JsonArray();
        recommendations.forEach(recommendation -> array.add(recommendation(recommendation)));
        return array;
    }

    /**
     * A recommendation as the tracker lists it: with its meeting's {@code meetingTheme},
     * {@code meetingFrom}, {@code meetingTo} and {@code meetingDateAccuracy} ("November 2025" is
     * {@code month}), and its {@code lastStep}; its whole history
     * only if asked.
     */
    JsonObject tracked(Recommendation recommendation, MeetingSummary meeting, boolean withHistory) {
        JsonObject object = recommendation(recommendation);
        if (!withHistory) {
            object.remove("history");
        }
        object.addProperty("meetingTheme", meeting.theme());
        object.add("meetingFrom", tree(meeting.from()));
        object.add("meetingTo", tree(meeting.to()));
        object.addProperty("meetingDateAccuracy", meeting.dateAccuracy());
        object.add("lastStep", tree(recommendation.lastStep()));
        return object;
    }

    /** A value written as its {@code toString()} and read back with the parser. */
    private static final class AsText<T> extends TypeAdapter<T> {

        private final Function<String, T> parser;

        AsText(Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public T read(JsonReader in) throws IOException {
            return parser.apply(in.nextString());
        }
    }
}
