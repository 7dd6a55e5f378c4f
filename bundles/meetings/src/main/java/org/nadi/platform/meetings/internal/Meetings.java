package org.nadi.platform.meetings.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.nadi.platform.meetings.api.Agenda;
import org.nadi.platform.meetings.api.FollowUp;
import org.nadi.platform.meetings.api.Meeting;
import org.nadi.platform.meetings.api.MeetingEvents;
import org.nadi.platform.meetings.api.MeetingRepository;
import org.nadi.platform.meetings.api.MeetingSummary;
import org.nadi.platform.meetings.api.Participant;
import org.nadi.platform.meetings.api.ProceedingItem;
import org.nadi.platform.meetings.api.ProgrammeEntry;
import org.nadi.platform.meetings.api.Recommendation;
import org.nadi.platform.meetings.api.RecommendationFilter;
import org.nadi.platform.meetings.internal.MeetingChanges.Announcement;
import org.nadi.platform.membership.api.MembershipDirectory;
import org.nadi.platform.storage.api.Database;
import org.nadi.platform.storage.api.Transaction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The meetings: the {@link MeetingRepository} other modules read, and every change the REST
 * resources and the demo data make. A change checks its references into the membership
 * directory first, then, in one transaction, checks the meeting's version, applies the change
 * to the meeting as loaded, checks the rules on the result and writes the part that changed;
 * once committed, it is announced on Event Admin. Nothing is written when anything is refused.
 */
@Component(service = {MeetingRepository.class, Meetings.class})
public final class Meetings implements MeetingRepository {

    private final Database database;
    private final MembershipDirectory directory;
    private final MeetingChanges changes;
    private final MeetingStore store;

    @Activate
    public Meetings(@Reference Database database, @Reference MembershipDirectory directory, @Reference MeetingChanges changes) {
        this.database = database;
        this.directory = directory;
        this.changes = changes;
        this.store = new MeetingStore(database);
    }

    /** A part of a meeting before and after a change, and the meeting's version after it. */
    record Edit<T>(T before, T after, long version) {
    }

    MembershipDirectory directory() {
        return directory;
    }

    // Reading (the API)

    @Override
    public Optional<Meeting> meeting(String id) {
        return read(connection -> store.meeting(connection, id));
    }

    @Override
    public List<MeetingSummary> meetings(LocalDate from, LocalDate to, String body) {
        return read(connection -> store.summaries(connection, new MeetingStore.MeetingQuery(null, List.of(), null, null, null, body,
                from, to, Integer.MAX_VALUE)));
    }

    @Override
    public Optional<Recommendation> recommendation(String id) {
        return read(connection -> store.recommendation(connection, id));
    }

    @Override
    public List<Recommendation> recommendations(RecommendationFilter filter) {
        return read(connection -> store.recommendations(connection, filter));
    }

    @Override
    public int countRecommendations(RecommendationFilter filter) {
        return read(connection -> store.count(connection, filter));
    }

    private <T> T read(Transaction<T> work) {
        try {
            return database.read(work);
        } catch (SQLException failed) {
            throw new IllegalStateException("The meetings could not be read: " + failed.getMessage(), failed);
        }
    }

    /** Reads for the REST resources, which answer a failure themselves. */
    <T> T query(Transaction<T> work) throws SQLException {
        return database.read(work);
    }

    MeetingStore store() {
        return store;
    }

    // Whole meetings

    /** Creates a whole meeting, all or nothing. */
    Meeting create(Meeting document) throws SQLException {
        MeetingRules.checkDocument(document);
        new References(directory).document(document).verify();
        List<Announcement> announcements = new ArrayList<>();
        Meeting created = database.inTransaction(connection -> {
            if (store.version(connection, document.id()).isPresent()) {
                throw Refused.conflict("already-exists", "id", "There is already a meeting '" + document.id() + "'; change it with PUT"
                        + " /api/v1/meetings/" + document.id() + ", or give this one another id.",
                        Map.of("existing", MeetingResource.BASE + "/" + document.id()));
            }
            return insert(connection, List.of(document), announcements).get(0);
        });
        changes.announce(announcements);
        return created;
    }

    /**
     * Creates those of the meetings that do not exist yet, in one transaction, as the demo data
     * loads them; those that exist are left as they are.
     *
     * @return the ids of the meetings created
     */
    List<String> createMissing(List<Meeting> documents) throws SQLException {
        for (int i = 0; i < documents.size(); i++) {
            try {
                MeetingRules.checkDocument(documents.get(i));
                new References(directory).document(documents.get(i)).verify();
            } catch (Refused refused) {
                throw refused.within("meeting '" + documents.get(i).id() + "': ");
            }
        }
        List<Announcement> announcements = new ArrayList<>();
        List<String> created = database.inTransaction(connection -> {
            Set<String> existing = store.existingMeetings(connection, documents.stream().map(Meeting::id).toList());
            List<Meeting> missing = documents.stream().filter(document -> !existing.contains(document.id())).toList();
            return insert(connection, missing, announcements).stream().map(Meeting::id).toList();
        });
        changes.announce(announcements);
        return created;
    }

    /**
     * Inserts whole documents, which may name each other (and the meetings and recommendations
     * stored already) as forthcoming meetings, sources and where steps happened.
     */
    private List<Meeting> insert(Connection connection, List<Meeting> documents, List<Announcement> announcements) throws SQLException {
        Set<String> meetings = new HashSet<>();
        Set<String> recommendations = new HashSet<>();
        List<Meeting> numbered = new ArrayList<>();
        for (Meeting document : documents) {
            meetings.add(document.id());
            List<Recommendation> withIds = new ArrayList<>();
            for (int i = 0; i < document.recommendations().size(); i++) {
                Recommendation recommendation = document.recommendations().get(i);
                String id = recommendation.id() != null ? recommendation.id()
                        : store.newRecommendationId(connection, document.id(), recommendations);
                if (!recommendations.add(id) || !store.existingRecommendations(connection, List.of(id)).isEmpty()) {
                    throw Refused.conflict("already-exists", "recommendations[" + i + "].id", "There is already a recommendation '" + id
                            + "'; give this one another id, or none to have one given.",
                            Map.of("existing", RecommendationResource.BASE + "/" + id));
                }
                withIds.add(withId(recommendation, id));
            }
            numbered.add(Header.of(document).with(document.agenda(), document.programme(), document.participants(),
                    document.proceedings(), withIds, 0));
        }
        for (Meeting document : numbered) {
            requireLinks(connection, document, meetings, recommendations);
        }
        List<Meeting> created = new ArrayList<>();
        for (Meeting document : numbered) {
            store.insert(connection, document);
            Meeting stored = store.meeting(connection, document.id()).orElseThrow();
            created.add(stored);
            announcements.add(Announcement.meeting(MeetingEvents.MEETING_CREATED, stored.id()));
            if (stored.status().equals(MeetingRules.HELD)) {
                announcements.add(Announcement.meeting(MeetingEvents.MEETING_HELD, stored.id()));
            }
            for (Recommendation recommendation : stored.recommendations()) {
                announcements.add(Announcement.recommendationChanged(null, recommendation));
            }
        }
        return created;
    }

    /** The meetings and recommendations a document names exist, here or among those created with it. */
    private void requireLinks(Connection connection, Meeting document, Set<String> alsoMeetings, Set<String> alsoRecommendations)
            throws SQLException {
        for (int i = 0; i < document.proceedings().size(); i++) {
            requireForthcoming(connection, document.proceedings().get(i), alsoMeetings, "proceedings[" + i + "].");
        }
        for (int i = 0; i < document.recommendations().size(); i++) {
            requireLinks(connection, document.recommendations().get(i), alsoMeetings, alsoRecommendations, "recommendations[" + i + "].");
        }
    }

    private void requireForthcoming(Connection connection, ProceedingItem item, Set<String> alsoMeetings, String at) throws SQLException {
        Set<String> found = store.existingMeetings(connection, item.forthcoming());
        for (int j = 0; j < item.forthcoming().size(); j++) {
            String id = item.forthcoming().get(j);
            if (!found.contains(id) && !alsoMeetings.contains(id)) {
                throw Refused.unknown(at + "forthcoming[" + j + "]", at + "forthcoming[" + j + "] is '" + id + "', which is no meeting;"
                        + " create the forthcoming meeting first (it may be planned, with only its month known).");
            }
        }
    }

    private void requireLinks(Connection connection, Recommendation recommendation, Set<String> alsoMeetings,
            Set<String> alsoRecommendations, String at) throws SQLException {
        Set<String> sources = store.existingRecommendations(connection, recommendation.sources());
        for (int j = 0; j < recommendation.sources().size(); j++) {
            String source = recommendation.sources().get(j);
            if (!sources.contains(source) && !alsoRecommendations.contains(source)) {
                throw Refused.unknown(at + "sources[" + j + "]", at + "sources[" + j + "] is '" + source + "', which is no"
                        + " recommendation; see GET /api/v1/recommendations.");
            }
        }
        for (int j = 0; j < recommendation.history().size(); j++) {
            requireStepMeeting(connection, recommendation.history().get(j), alsoMeetings, at + "history[" + j + "].");
        }
    }

    private void requireStepMeeting(Connection connection, FollowUp step, Set<String> alsoMeetings, String at) throws SQLException {
        if (step.meeting() != null && !alsoMeetings.contains(step.meeting())
                && store.existingMeetings(connection, List.of(step.meeting())).isEmpty()) {
            throw Refused.unknown(at + "meeting", at + "meeting is '" + step.meeting() + "', which is no meeting; name the meeting"
                    + " where the step happened, or give a document instead.");
        }
    }

    /** Replaces the header; HELD is announced when the status becomes held. */
    Edit<Meeting> replaceHeader(String id, long expectedVersion, Header header) throws SQLException {
        MeetingRules.checkDates(header);
        new References(directory).header(header).verify();
        return edit(id, expectedVersion, MeetingStore.headerColumns(header), (connection, before) -> {
            for (ProgrammeEntry entry : before.programme()) {
                if (entry.day().isBefore(header.from()) || entry.day().isAfter(header.to())) {
                    String field = entry.day().isBefore(header.from()) ? "from" : "to";
                    throw Refused.invalid(field, "The programme has an entry on " + entry.day() + ", which the dates " + header.from()
                            + " to " + header.to() + " leave out; change the programme first.");
                }
            }
            store.writeHeaderTexts(connection, header);
            boolean held = header.status().equals(MeetingRules.HELD) && !before.status().equals(MeetingRules.HELD);
            return new Applied<>(before, header.replacing(before), held ? MeetingEvents.MEETING_HELD : MeetingEvents.MEETING_CHANGED,
                    List.of());
        });
    }

    /** Deletes a meeting that no other meeting refers to. */
    Meeting delete(String id, long expectedVersion) throws SQLException {
        Edit<Meeting> deleted = edit(id, expectedVersion, Map.of(), (connection, before) -> {
            Set<String> referring = store.meetingsReferringTo(connection, id);
            if (!referring.isEmpty()) {
                throw Refused.conflict("still-referenced", null, "Meeting '" + id + "' is named by " + String.join(", ", referring)
                        + " (as a forthcoming activity, in a recommendation's history or as the source of a recommendation);"
                        + " change those first.", Map.of("meetings", List.copyOf(referring)));
            }
            store.delete(connection, id);
            return new Applied<>(before, null, MeetingEvents.MEETING_DELETED, List.of());
        });
        return deleted.before();
    }

    // Parts

    Edit<Agenda> replaceAgenda(String id, long expectedVersion, Agenda agenda) throws SQLException {
        Map<String, Object> adopted = new HashMap<>();
        adopted.put("agenda_adopted_on", agenda.adoptedOn() == null ? null : agenda.adoptedOn().toString());
        return edit(id, expectedVersion, adopted, (connection, before) -> {
            store.writeAgendaItems(connection, id, agenda.items());
            return changed(before.agenda(), agenda);
        });
    }

    Edit<List<ProgrammeEntry>> replaceProgramme(String id, long expectedVersion, List<ProgrammeEntry> programme) throws SQLException {
        return edit(id, expectedVersion, Map.of(), (connection, before) -> {
            MeetingRules.checkProgramme(programme, before.from(), before.to(), "");
            store.writeProgramme(connection, id, programme);
            return changed(before.programme(), programme);
        });
    }

    Edit<Participant> addParticipant(String id, long expectedVersion, Participant given) throws SQLException {
        new References(directory).participant("", given).verify();
        return edit(id, expectedVersion, Map.of(), (connection, before) -> {
            long next = before.participants().stream().mapToLong(Participant::id).max().orElse(0) + 1;
            Participant added = new Participant(next, given.country(), given.institution(), given.person(), given.role());
            List<Participant> participants = new ArrayList<>(before.participants());
            participants.add(added);
            return writeParticipants(connection, before, participants, participants.size() - 1, null, added);
        });
    }

    Edit<Participant> replaceParticipant(String id, long expectedVersion, long participantId, Participant given) throws SQLException {
        new References(directory).participant("", given).verify();
        return edit(id, expectedVersion, Map.of(), (connection, before) -> {
            int index = participantIndex(before, participantId);
            Participant replaced = new Participant(participantId, given.country(), given.institution(), given.person(), given.role());
            List<Participant> participants = new ArrayList<>(before.participants());
            Participant old = participants.set(index, replaced);
            return writeParticipants(connection, before, participants, index, old, replaced);
        });
    }

    Edit<Participant> deleteParticipant(String id, long expectedVersion, long participantId) throws SQLException {
        return edit(id, expectedVersion, Map.of(), (connection, before) -> {
            List<Participant> participants = new ArrayList<>(before.participants());
            Participant old = participants.remove(participantIndex(before, participantId));
            return writeParticipants(connection, before, participants, -1, old, null);
        });
    }

    private Applied<Participant> writeParticipants(Connection connection, Meeting before, List<Participant> participants, int index,
            Participant old, Participant now) throws SQLException {
        if (index >= 0) {
            checkParticipantAt(participants, index);
        }
        Meeting after = Header.of(before).with(before.agenda(), before.programme(), participants, before.proceedings(),
                before.recommendations(), before.version());
        keepsProceedings(after, 409, index >= 0 ? "person" : null);
        store.writeParticipants(connection, before.id(), participants);
        return changed(old, now);
    }

    /** The rule on participants for one sent alone: its field is {@code person}. */
    private static void checkParticipantAt(List<Participant> participants, int index) throws Refused {
        Participant participant = participants.get(index);
        for (int i = 0; i < participants.size(); i++) {
            if (i != index && participant.person() != null && participant.person().equals(participants.get(i).person())) {
                throw Refused.invalid("person", "person is '" + participant.person() + "', who is already participant "
                        + participants.get(i).id() + " of the meeting; change that entry instead.");
            }
        }
    }

    private static int participantIndex(Meeting meeting, long participantId) throws Refused {
        for (int i = 0; i < meeting.participants().size(); i++) {
            if (meeting.participants().get(i).id() == participantId) {
                return i;
            }
        }
        throw Refused.notFound("pid", "Meeting '" + meeting.id() + "' has no participant " + participantId + ".");
    }

    /**
     * Adds a proceeding item at the end, or before the item {@code before}; its id is the next
     * number.
     */
    Edit<ProceedingItem> addProceeding(String id, long expectedVersion, ProceedingItem given, Long before) throws SQLException {
        new References(directory).proceeding("", given).verify();
        return edit(id, expectedVersion, Map.of(), (connection, current) -> {
            long next = current.proceedings().stream().mapToLong(ProceedingItem::id).max().orElse(0) + 1;
            List<ProceedingItem> items = new ArrayList<>(current.proceedings());
            int index = items.size();
            if (before != null) {
                index = MeetingRules.indexOf(items, before);
                if (index < 0) {
                    throw Refused.unknown("before", "before is " + before + ", which is no item of the meeting's proceedings.");
                }
            }
            ProceedingItem added = withItemId(given, next);
            items.add(index, added);
            return writeProceeding(connection, current, items, index, null, added);
        });
    }

    /** Who may change an item, decided on the item as it is and as it would be. */
    @FunctionalInterface
    interface ItemGuard {
        void check(ProceedingItem current, ProceedingItem replacement) throws Refused;
    }

    Edit<ProceedingItem> replaceProceeding(String id, long expectedVersion, long itemId, ProceedingItem given, ItemGuard guard)
            throws SQLException {
        new References(directory).proceeding("", given).verify();
        return edit(id, expectedVersion, Map.of(), (connection, current) -> {
            List<ProceedingItem> items = new ArrayList<>(current.proceedings());
            int index = itemIndex(current, itemId);
            ProceedingItem replaced = withItemId(given, itemId);
            guard.check(items.get(index), replaced);
            ProceedingItem old = items.set(index, replaced);
            return writeProceeding(connection, current, items, index, old, replaced);
        });
    }

    Edit<ProceedingItem> deleteProceeding(String id, long expectedVersion, long itemId) throws SQLException {
        return edit(id, expectedVersion, Map.of(), (connection, current) -> {
            int index = itemIndex(current, itemId);
            List<String> recommendations = current.recommendationsOf(itemId).stream().map(Recommendation::id).toList();
            if (!recommendations.isEmpty()) {
                throw Refused.conflict("still-referenced", "itemId", "Item " + itemId + " made the recommendations "
                        + String.join(", ", recommendations) + "; delete or move them first.", Map.of("recommendations", recommendations));
            }
            List<ProceedingItem> items = new ArrayList<>(current.proceedings());
            ProceedingItem old = items.remove(index);
            return writeProceeding(connection, current, items, -1, old, null);
        });
    }

    /** Re-orders the proceedings: {@code order} is every item's id, each once. */
    Edit<List<ProceedingItem>> reorderProceedings(String id, long expectedVersion, List<Long> order) throws SQLException {
        return edit(id, expectedVersion, Map.of(), (connection, current) -> {
            List<Long> ids = current.proceedings().stream().map(ProceedingItem::id).toList();
            requirePermutation(ids, order);
            List<ProceedingItem> items = new ArrayList<>();
            for (long itemId : order) {
                items.add(current.proceedings().get(ids.indexOf(itemId)));
            }
            Meeting after = withProceedings(current, items);
            keepsProceedings(after, 422, "order");
            store.writeProceedings(connection, id, items);
            return changed(current.proceedings(), items);
        });
    }

    private Applied<ProceedingItem> writeProceeding(Connection connection, Meeting current, List<ProceedingItem> items, int index,
            ProceedingItem old, ProceedingItem now) throws SQLException {
        Meeting after = withProceedings(current, items);
        if (index >= 0) {
            MeetingRules.checkProceeding(after, index, "");
            requireForthcoming(connection, now, Set.of(), "");
        }
        keepsProceedings(after, 409, null);
        store.writeProceedings(connection, current.id(), items);
        if (now == null) {
            store.forgetCommentedItem(connection, current.id(), old.id());
        }
        return changed(old, now);
    }

    /**
     * The proceedings still keep their rules after a change elsewhere (a participant removed,
     * a session deleted or moved): otherwise the change is refused with the given status, naming
     * the given field and the item it would break.
     */
    private static void keepsProceedings(Meeting after, int status, String field) throws Refused {
        for (int i = 0; i < after.proceedings().size(); i++) {
            try {
                MeetingRules.checkProceeding(after, i, "proceedings[" + i + "].");
            } catch (Refused broken) {
                String detail = "This change would break item " + after.proceedings().get(i).id() + " of the proceedings: "
                        + broken.getMessage();
                throw status == 409 ? Refused.conflict("still-referenced", field, detail, Map.of()) : Refused.invalid(field, detail);
            }
        }
    }

    private static Meeting withProceedings(Meeting meeting, List<ProceedingItem> items) {
        return Header.of(meeting).with(meeting.agenda(), meeting.programme(), meeting.participants(), items, meeting.recommendations(),
                meeting.version());
    }

    private static ProceedingItem withItemId(ProceedingItem item, long itemId) {
        return new ProceedingItem(itemId, item.kind(), item.speaker(), item.title(), item.session(), item.country(), item.institution(),
                item.paragraphs(), item.forthcoming());
    }

    static int itemIndex(Meeting meeting, long itemId) throws Refused {
        int index = MeetingRules.indexOf(meeting.proceedings(), itemId);
        if (index < 0) {
            throw Refused.notFound("itemId", "Meeting '" + meeting.id() + "' has no proceeding item " + itemId + ".");
        }
        return index;
    }

    // Recommendations

    Edit<Recommendation> addRecommendation(String id, long expectedVersion, Recommendation given) throws SQLException {
        return edit(id, expectedVersion, Map.of(), (connection, current) -> {
            Recommendation recommendation = MeetingRules.withFirstStep(current, given);
            String recommendationId = given.id() != null ? given.id() : store.newRecommendationId(connection, id, Set.of());
            if (!store.existingRecommendations(connection, List.of(recommendationId)).isEmpty()) {
                throw Refused.conflict("already-exists", "id", "There is already a recommendation '" + recommendationId + "'.",
                        Map.of("existing", RecommendationResource.BASE + "/" + recommendationId));
            }
            recommendation = withId(recommendation, recommendationId);
            MeetingRules.checkRecommendation(current, recommendation, "");
            requireLinks(connection, recommendation, Set.of(id), Set.of(), "");
            store.insertRecommendation(connection, current.from(), recommendation,
                    current.recommendationsOf(recommendation.proceeding()).size());
            Recommendation stored = store.recommendation(connection, recommendationId).orElseThrow();
            return new Applied<>(null, stored, MeetingEvents.MEETING_CHANGED, List.of(Announcement.recommendationChanged(null, stored)));
        });
    }

    /** Replaces a recommendation's item, text, addressees, topics and sources; its history stays as it is. */
    Edit<Recommendation> replaceRecommendation(String id, long expectedVersion, String recommendationId, Recommendation given)
            throws SQLException {
        return edit(id, expectedVersion, Map.of(), (connection, current) -> {
            Recommendation old = recommendationOf(current, recommendationId);
            Recommendation replaced = new Recommendation(recommendationId, id, given.proceeding(), null, given.text(),
                    given.addressees(), given.topics(), given.sources(), List.of(), old.history());
            MeetingRules.checkRecommendation(current, replaced, "");
            requireLinks(connection, replaced, Set.of(id), Set.of(), "");
            List<String> siblings = ids(current.recommendationsOf(old.proceeding()));
            if (old.proceeding() == replaced.proceeding()) {
                store.replaceRecommendation(connection, replaced, siblings.indexOf(recommendationId));
            } else {
                // Moved to another item: it comes last there, and the ones after it in its old item move up.
                store.replaceRecommendation(connection, replaced, current.recommendationsOf(replaced.proceeding()).size());
                siblings.remove(recommendationId);
                store.order(connection, siblings);
            }
            return recommendationChanged(connection, current, old, recommendationId);
        });
    }

    Edit<Recommendation> deleteRecommendation(String id, long expectedVersion, String recommendationId) throws SQLException {
        return edit(id, expectedVersion, Map.of(), (connection, current) -> {
            Recommendation old = recommendationOf(current, recommendationId);
            List<String> citing = store.recommendationsCiting(connection, recommendationId);
            if (!citing.isEmpty()) {
                throw Refused.conflict("still-referenced", "rid", "Recommendation '" + recommendationId + "' is a source of "
                        + String.join(", ", citing) + "; change their sources first.", Map.of("recommendations", citing));
            }
            store.deleteRecommendation(connection, recommendationId);
            List<String> siblings = ids(current.recommendationsOf(old.proceeding()));
            siblings.remove(recommendationId);
            store.order(connection, siblings);
            return new Applied<>(old, null, MeetingEvents.MEETING_CHANGED,
                    List.of(Announcement.recommendation(MeetingEvents.RECOMMENDATION_DELETED, old)));
        });
    }

    /** Re-orders (and so re-letters) the recommendations of one item: {@code order} is each of their ids once. */
    Edit<List<Recommendation>> reorderRecommendations(String id, long expectedVersion, long itemId, List<String> order)
            throws SQLException {
        return edit(id, expectedVersion, Map.of(), (connection, current) -> {
            if (current.proceeding(itemId).isEmpty()) {
                throw Refused.unknown("proceeding", "proceeding is " + itemId + ", which is no item of the meeting's proceedings.");
            }
            List<Recommendation> before = current.recommendationsOf(itemId);
            requirePermutation(ids(before), order);
            store.order(connection, order);
            List<Recommendation> after = store.meeting(connection, id).orElseThrow().recommendationsOf(itemId);
            List<Announcement> relabelled = new ArrayList<>();
            for (Recommendation recommendation : after) {
                Recommendation old = before.stream().filter(b -> b.id().equals(recommendation.id())).findFirst().orElseThrow();
                if (!old.label().equals(recommendation.label())) {
                    relabelled.add(Announcement.recommendation(MeetingEvents.RECOMMENDATION_UPDATED, recommendation));
                }
            }
            return new Applied<>(before, after, MeetingEvents.MEETING_CHANGED, relabelled);
        });
    }

    /** Appends a follow-up step to a recommendation's history; no step may precede the last one. */
    Edit<Recommendation> addStep(String recommendationId, FollowUp step) throws SQLException {
        List<Announcement> announcements = new ArrayList<>();
        Edit<Recommendation> edit = database.inTransaction(connection -> {
            Recommendation old = store.recommendation(connection, recommendationId)
                    .orElseThrow(() -> Refused.notFound("rid", "There is no recommendation '" + recommendationId + "'."));
            MeetingRules.checkNextStep(old.history(), step);
            requireStepMeeting(connection, step, Set.of(), "");
            long version = store.touch(connection, old.meeting(), store.version(connection, old.meeting()).orElseThrow(), Map.of());
            store.appendStep(connection, recommendationId, old.history().size(), step);
            Recommendation now = store.recommendation(connection, recommendationId).orElseThrow();
            announcements.add(Announcement.meeting(MeetingEvents.MEETING_CHANGED, old.meeting()));
            announcements.add(Announcement.recommendationChanged(old, now));
            return new Edit<>(old, now, version);
        });
        changes.announce(announcements);
        return edit;
    }

    private Applied<Recommendation> recommendationChanged(Connection connection, Meeting current, Recommendation old,
            String recommendationId) throws SQLException {
        Recommendation now = store.recommendation(connection, recommendationId).orElseThrow();
        List<Announcement> announcements = new ArrayList<>(List.of(Announcement.recommendationChanged(old, now)));
        // Moving one re-letters those after it in its old item.
        for (Recommendation sibling : store.meeting(connection, current.id()).orElseThrow().recommendationsOf(old.proceeding())) {
            Recommendation before = recommendationOf(current, sibling.id());
            if (!before.label().equals(sibling.label())) {
                announcements.add(Announcement.recommendation(MeetingEvents.RECOMMENDATION_UPDATED, sibling));
            }
        }
        return new Applied<>(old, now, MeetingEvents.MEETING_CHANGED, announcements);
    }

    private static Recommendation recommendationOf(Meeting meeting, String recommendationId) throws Refused {
        return meeting.recommendations().stream().filter(recommendation -> recommendation.id().equals(recommendationId)).findFirst()
                .orElseThrow(() -> Refused.notFound("rid", "Meeting '" + meeting.id() + "' has no recommendation '" + recommendationId
                        + "'."));
    }

    private static Recommendation withId(Recommendation recommendation, String id) {
        return new Recommendation(id, recommendation.meeting(), recommendation.proceeding(), recommendation.label(),
                recommendation.text(), recommendation.addressees(), recommendation.topics(), recommendation.sources(),
                recommendation.countries(), recommendation.history());
    }

    private static List<String> ids(List<Recommendation> recommendations) {
        return new ArrayList<>(recommendations.stream().map(Recommendation::id).toList());
    }

    /** The order names every one of the ids exactly once. */
    private static <T> void requirePermutation(List<T> ids, List<T> order) throws Refused {
        Set<T> named = new LinkedHashSet<>(order);
        if (order.size() != ids.size() || named.size() != order.size() || !named.containsAll(ids)) {
            throw Refused.invalid("order", "order is " + order + ", which is not the ids " + ids
                    + " each exactly once, in the new order.");
        }
    }

    // Comments

    MeetingStore.Comment addComment(String id, Long itemId, String author, String text) throws SQLException {
        return database.inTransaction(connection -> {
            Meeting meeting = store.meeting(connection, id).orElseThrow(() -> noMeeting(id));
            if (itemId != null && meeting.proceeding(itemId).isEmpty()) {
                throw Refused.unknown("proceeding", "proceeding is " + itemId + ", which is no item of the meeting's proceedings;"
                        + " give an item's id, or null to comment on the whole meeting.");
            }
            return store.insertComment(connection, new MeetingStore.Comment(0, id, itemId, author, Instant.now().toString(),
                    text));
        });
    }

    List<MeetingStore.Comment> comments(String id) throws SQLException {
        return database.read(connection -> {
            if (store.version(connection, id).isEmpty()) {
                throw noMeeting(id);
            }
            return store.comments(connection, id);
        });
    }

    static Refused noMeeting(String id) {
        return Refused.notFound("id", "There is no meeting '" + id + "'.");
    }

    // The frame of every change to an existing meeting

    /** What a change did: its part before and after, the meeting's event, and its recommendations' events. */
    private record Applied<T>(T before, T after, String meetingTopic, List<Announcement> recommendations) {
    }

    private static <T> Applied<T> changed(T before, T after) {
        return new Applied<>(before, after, MeetingEvents.MEETING_CHANGED, List.of());
    }

    @FunctionalInterface
    private interface Change<T> {
        Applied<T> apply(Connection connection, Meeting current) throws SQLException;
    }

    /**
     * Runs a change to a meeting in one transaction: 404 if it does not exist, 412 if its
     * version is not the expected one (changing the columns given), then the change on the
     * meeting as loaded; announced once committed.
     */
    private <T> Edit<T> edit(String id, long expectedVersion, Map<String, Object> columns, Change<T> change) throws SQLException {
        record Done<T>(Applied<T> applied, long version) {
        }
        Done<T> done = database.inTransaction(connection -> {
            Meeting current = store.meeting(connection, id).orElseThrow(() -> noMeeting(id));
            long version = store.touch(connection, id, expectedVersion, columns);
            return new Done<>(change.apply(connection, current), version);
        });
        Applied<T> applied = done.applied();
        List<Announcement> announcements = new ArrayList<>();
        announcements.add(Announcement.meeting(applied.meetingTopic(), id));
        announcements.addAll(applied.recommendations());
        changes.announce(announcements);
        return new Edit<>(applied.before(), withVersion(applied.after(), done.version()), done.version());
    }

    @SuppressWarnings("unchecked")
    private static <T> T withVersion(T part, long version) {
        if (part instanceof Meeting meeting && meeting.version() != version) {
            return (T) Header.of(meeting).with(meeting.agenda(), meeting.programme(), meeting.participants(), meeting.proceedings(),
                    meeting.recommendations(), version);
        }
        return part;
    }
}
