package org.nadi.platform.meetings.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.nadi.platform.meetings.api.Agenda;
import org.nadi.platform.meetings.api.Meeting;
import org.nadi.platform.meetings.api.MeetingRepository;
import org.nadi.platform.meetings.api.Participant;
import org.nadi.platform.meetings.api.ProceedingItem;
import org.nadi.platform.meetings.api.ProgrammeEntry;
import org.nadi.platform.meetings.api.Recommendation;
import org.nadi.platform.membership.api.Country;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.api.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Meetings over REST, under {@value #BASE}: the list (search, upcoming, past), a whole document
 * created in one transaction, read whole, its header replaced or deleted, and each of its parts
 * changed on its own — agenda, programme, participants, proceedings and recommendations, with
 * re-ordering — and comments. Every change names the meeting's version in {@code If-Match} and
 * answers the changed part with the new {@code ETag}. Observers read; the secretariat edits; a
 * delegate comments, and edits the paragraphs of their own country's presentations. Every
 * change is audited and announced on {@link org.nadi.platform.meetings.api.MeetingEvents}. See
 * {@code docs/meetings.md}.
 */
@Component(service = RestResource.class)
public final class MeetingResource implements RestResource {

    static final String BASE = "/api/v1/meetings";
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;
    private static final Access READERS = Access.role(Role.OBSERVER);
    private static final Access EDITORS = Access.role(Role.SECRETARIAT);
    private static final Access DELEGATES = Access.role(Role.DELEGATE);
    private static final String ONE = BASE + "/{id}";

    private final Meetings meetings;
    private final MeetingJson json = new MeetingJson();

    @Activate
    public MeetingResource(@Reference Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public void declareRoutes(Routes routes) {
        routes.get(BASE, READERS, this::list);
        routes.post(BASE, EDITORS, this::create);
        routes.get(ONE, READERS, this::show);
        routes.put(ONE, EDITORS, this::replaceHeader);
        routes.delete(ONE, EDITORS, this::delete);
        routes.put(ONE + "/agenda", EDITORS, this::replaceAgenda);
        routes.put(ONE + "/programme", EDITORS, this::replaceProgramme);
        declareParticipants(routes);
        declareProceedings(routes);
        declareRecommendations(routes);
        routes.get(ONE + "/comments", READERS, this::comments);
        routes.post(ONE + "/comments", DELEGATES, this::comment);
    }

    // The meetings and whole documents

    private ApiResponse list(ApiRequest request) throws ProblemException {
        String search = Requests.text(request, "q").orElse(null);
        String when = Requests.oneOf(request, "when", List.of("upcoming", "past"));
        String status = Requests.oneOf(request, "status", MeetingRepository.STATUSES);
        String body = Requests.text(request, "body").orElse(null);
        LocalDate from = Requests.date(request, "from");
        LocalDate to = Requests.date(request, "to");
        int limit = Requests.number(request, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        if (body != null) {
            Requests.run(() -> {
                new References(meetings.directory()).body("body", body).verify();
                return null;
            });
        }
        List<String> countries = search == null ? List.of() : countriesNamed(search);
        MeetingStore.MeetingQuery query = new MeetingStore.MeetingQuery(search, countries, when, LocalDate.now(), status, body, from, to,
                limit);
        return ApiResponse.ok(json.tree(Requests.run(() -> meetings.query(connection -> meetings.store().summaries(connection, query)))));
    }

    /** The host countries whose code is the search or whose names contain it. */
    private List<String> countriesNamed(String search) throws ProblemException {
        String lower = search.toLowerCase(Locale.ROOT);
        List<String> matching = new ArrayList<>();
        for (String code : Requests.run(() -> meetings.query(connection -> meetings.store().hostCountries(connection)))) {
            Optional<Country> country = meetings.directory().country(code);
            if (code.equalsIgnoreCase(search) || country.map(c -> c.shortName().toLowerCase(Locale.ROOT).contains(lower)
                    || c.formalName().toLowerCase(Locale.ROOT).contains(lower)).orElse(false)) {
                matching.add(code);
            }
        }
        return matching;
    }

    private ApiResponse create(ApiRequest request) throws ProblemException {
        JsonElement body = Requests.body(request);
        Meeting created = Requests.run(() -> meetings.create(MeetingInputs.document(JsonInput.of(body, "", "The meeting document"))));
        JsonObject document = document(created);
        request.audit("meeting", created.id(), null, document);
        return ApiResponse.created(BASE + "/" + created.id(), document).withETag(created.version());
    }

    private ApiResponse show(ApiRequest request) throws ProblemException {
        String id = request.pathParameter("id");
        Meeting meeting = Requests.run(() -> meetings.query(connection -> meetings.store().meeting(connection, id))
                .orElseThrow(() -> Meetings.noMeeting(id)));
        return ApiResponse.ok(document(meeting)).withETag(meeting.version());
    }

    private JsonObject document(Meeting meeting) {
        return json.document(meeting, References.named(meetings.directory(), meeting));
    }

    private ApiResponse replaceHeader(ApiRequest request) throws ProblemException {
        String id = request.pathParameter("id");
        Meetings.Edit<Meeting> edit = change(request, "The meeting's header", (meetingId, version, in) -> {
            if (in.has("id") && !id.equals(in.optionalSlug("id", MeetingInputs.MAX_ID))) {
                throw Refused.malformed("id", "id is '" + in.optionalSlug("id", MeetingInputs.MAX_ID) + "' but the address names '" + id
                        + "'; a meeting's id never changes.");
            }
            return meetings.replaceHeader(meetingId, version, MeetingInputs.header(in, meetingId));
        });
        Meeting after = Requests.run(() -> meetings.query(connection -> meetings.store().meeting(connection, id)).orElseThrow());
        request.audit("meeting", id, json.tree(Header.of(edit.before())), json.tree(Header.of(after)));
        return ApiResponse.ok(document(after)).withETag(edit.version());
    }

    private ApiResponse delete(ApiRequest request) throws ProblemException {
        String id = request.pathParameter("id");
        long version = Requests.ifMatch(request);
        Meeting deleted = Requests.run(() -> meetings.delete(id, version));
        request.audit("meeting", id, json.tree(deleted), null);
        return ApiResponse.noContent();
    }

    /** Changes a meeting or a part: reads its id, the version in If-Match and the JSON object sent, then makes the change. */
    private static <T> Meetings.Edit<T> change(ApiRequest request, String what, PartChange<T> change) throws ProblemException {
        String id = request.pathParameter("id");
        long version = Requests.ifMatch(request);
        JsonElement body = Requests.body(request);
        return Requests.run(() -> change.apply(id, version, JsonInput.of(body, "", what)));
    }

    @FunctionalInterface
    private interface PartChange<T> {
        Meetings.Edit<T> apply(String meetingId, long version, JsonInput body) throws SQLException;
    }

    /** Deletes a part of a meeting: 204 with the meeting's new ETag; audited as the entity and id given, with the part before. */
    private static <T> ApiResponse deletePart(ApiRequest request, String entity, String entityId, PartDeletion<T> deletion,
            Function<T, JsonElement> audited) throws ProblemException {
        String id = request.pathParameter("id");
        long version = Requests.ifMatch(request);
        Meetings.Edit<T> edit = Requests.run(() -> deletion.apply(id, version));
        request.audit(entity, entityId, audited.apply(edit.before()), null);
        return ApiResponse.noContent().withETag(edit.version());
    }

    @FunctionalInterface
    private interface PartDeletion<T> {
        Meetings.Edit<T> apply(String meetingId, long version) throws SQLException;
    }

    // Agenda and programme

    private ApiResponse replaceAgenda(ApiRequest request) throws ProblemException {
        String id = request.pathParameter("id");
        Meetings.Edit<Agenda> edit = change(request, "The agenda", (meetingId, version, in) -> meetings.replaceAgenda(meetingId, version,
                MeetingInputs.agenda(in)));
        request.audit("meeting-agenda", id, json.tree(edit.before()), json.tree(edit.after()));
        return ApiResponse.ok(json.tree(edit.after())).withETag(edit.version());
    }

    private ApiResponse replaceProgramme(ApiRequest request) throws ProblemException {
        String id = request.pathParameter("id");
        long version = Requests.ifMatch(request);
        JsonElement body = Requests.body(request);
        Meetings.Edit<List<ProgrammeEntry>> edit = Requests.run(() -> {
            List<ProgrammeEntry> programme = new ArrayList<>();
            for (JsonInput entry : JsonInput.array(body, "the programme's entries")) {
                programme.add(MeetingInputs.programmeEntry(entry));
            }
            return meetings.replaceProgramme(id, version, programme);
        });
        request.audit("meeting-programme", id, json.tree(edit.before()), json.tree(edit.after()));
        return ApiResponse.ok(json.tree(edit.after())).withETag(edit.version());
    }

    // Participants

    private void declareParticipants(Routes routes) {
        routes.post(ONE + "/participants", EDITORS, request -> {
            String id = request.pathParameter("id");
            Meetings.Edit<Participant> edit = change(request, "The participant", (meetingId, version, in) ->
                    meetings.addParticipant(meetingId, version, MeetingInputs.participant(in, 0)));
            JsonObject added = participantJson(id, edit.after());
            request.audit("meeting-participant", id + "/" + edit.after().id(), null, added);
            return ApiResponse.created(BASE + "/" + id + "/participants/" + edit.after().id(), added).withETag(edit.version());
        });
        routes.put(ONE + "/participants/{pid}", EDITORS, request -> {
            String id = request.pathParameter("id");
            long participantId = Requests.pathNumber(request, "pid", "participant");
            Meetings.Edit<Participant> edit = change(request, "The participant", (meetingId, version, in) ->
                    meetings.replaceParticipant(meetingId, version, participantId, MeetingInputs.participant(in, participantId)));
            JsonObject replaced = participantJson(id, edit.after());
            request.audit("meeting-participant", id + "/" + participantId, json.tree(edit.before()), replaced);
            return ApiResponse.ok(replaced).withETag(edit.version());
        });
        routes.delete(ONE + "/participants/{pid}", EDITORS, request -> {
            long participantId = Requests.pathNumber(request, "pid", "participant");
            return deletePart(request, "meeting-participant", request.pathParameter("id") + "/" + participantId,
                    (meetingId, version) -> meetings.deleteParticipant(meetingId, version, participantId), json::tree);
        });
    }

    /** A participant named as of the meeting's first day. */
    private JsonObject participantJson(String meetingId, Participant participant) throws ProblemException {
        Meeting meeting = Requests.run(() -> meetings.query(connection -> meetings.store().meeting(connection, meetingId)).orElseThrow());
        return json.participant(participant, meeting.from(), References.named(meetings.directory(), meeting));
    }

    // Proceedings

    private void declareProceedings(Routes routes) {
        routes.post(ONE + "/proceedings", EDITORS, request -> {
            String id = request.pathParameter("id");
            Meetings.Edit<ProceedingItem> edit = change(request, "The proceeding item", (meetingId, version, in) ->
                    meetings.addProceeding(meetingId, version, MeetingInputs.proceeding(in, 1), in.optionalId("before")));
            JsonObject added = proceedingJson(id, edit.after());
            request.audit("meeting-proceeding", id + "/" + edit.after().id(), null, added);
            return ApiResponse.created(BASE + "/" + id + "/proceedings/" + edit.after().id(), added).withETag(edit.version());
        });
        // Declared before .../{itemId}: the first route that matches a request serves it.
        routes.put(ONE + "/proceedings/order", EDITORS, request -> {
            String id = request.pathParameter("id");
            Meetings.Edit<List<ProceedingItem>> edit = change(request, "The new order", (meetingId, version, in) ->
                    meetings.reorderProceedings(meetingId, version, in.ids("order")));
            request.audit("meeting-proceedings-order", id, ids(edit.before()), ids(edit.after()));
            Meeting meeting = Requests.run(() -> meetings.query(connection -> meetings.store().meeting(connection, id)).orElseThrow());
            return ApiResponse.ok(json.proceedings(edit.after(), meeting)).withETag(edit.version());
        });
        routes.put(ONE + "/proceedings/{itemId}", DELEGATES, this::replaceProceeding);
        routes.delete(ONE + "/proceedings/{itemId}", EDITORS, request -> {
            long itemId = Requests.pathNumber(request, "itemId", "proceeding item");
            return deletePart(request, "meeting-proceeding", request.pathParameter("id") + "/" + itemId,
                    (meetingId, version) -> meetings.deleteProceeding(meetingId, version, itemId), json::tree);
        });
    }

    private ApiResponse replaceProceeding(ApiRequest request) throws ProblemException {
        String id = request.pathParameter("id");
        long itemId = Requests.pathNumber(request, "itemId", "proceeding item");
        Meetings.ItemGuard guard = delegateGuard(request.caller().orElseThrow());
        Meetings.Edit<ProceedingItem> edit = change(request, "The proceeding item", (meetingId, version, in) -> {
            Long given = in.optionalId("id");
            if (given != null && given != itemId) {
                throw Refused.malformed("id", "id is " + given + " but the address names item " + itemId + "; an item's id never changes.");
            }
            return meetings.replaceProceeding(meetingId, version, itemId, MeetingInputs.proceeding(in, itemId), guard);
        });
        JsonObject replaced = proceedingJson(id, edit.after());
        request.audit("meeting-proceeding", id + "/" + itemId, json.tree(edit.before()), replaced);
        return ApiResponse.ok(replaced).withETag(edit.version());
    }

    /**
     * The secretariat and administrators change every item. A delegate changes only the
     * paragraphs of a country presentation of their own country: their account's institution's.
     */
    private Meetings.ItemGuard delegateGuard(Caller caller) throws ProblemException {
        if (caller.role().includes(Role.SECRETARIAT)) {
            return (current, replacement) -> {
            };
        }
        String institutionId = caller.institution().orElse(null);
        String country = institutionId == null ? null
                : meetings.directory().institution(institutionId).map(Institution::country).orElse(null);
        return (current, replacement) -> {
            if (!current.kind().equals(MeetingRules.COUNTRY_PRESENTATION)) {
                throw Refused.forbidden(null, "A delegate changes only the paragraphs of their own country's presentations; item "
                        + current.id() + " is a " + current.kind() + ", which the secretariat changes.");
            }
            if (country == null || !country.equals(current.country())) {
                String yours = institutionId == null ? "your account belongs to no institution"
                        : country == null ? "your account's institution '" + institutionId + "' is not in the membership directory"
                                : "your institution '" + institutionId + "' is of " + country;
                throw Refused.forbidden(null, "Item " + current.id() + " is the presentation of " + current.country() + ", and "
                        + yours + "; a delegate changes only their own country's presentations.");
            }
            String other = changedBesidesParagraphs(current, replacement);
            if (other != null) {
                throw Refused.forbidden(other, "A delegate changes only the paragraphs (the summary) of their country's presentation;"
                        + " this change also changes " + other + ", which the secretariat changes. Send the item as you read it with"
                        + " only its paragraphs changed.");
            }
        };
    }

    /** The first field other than the paragraphs that differs; {@code null} if none does. */
    private static String changedBesidesParagraphs(ProceedingItem current, ProceedingItem replacement) {
        if (!current.kind().equals(replacement.kind())) {
            return "kind";
        }
        if (!Objects.equals(current.speaker(), replacement.speaker())) {
            return "speaker";
        }
        if (!Objects.equals(current.title(), replacement.title())) {
            return "title";
        }
        if (!Objects.equals(current.session(), replacement.session())) {
            return "session";
        }
        if (!Objects.equals(current.country(), replacement.country())) {
            return "country";
        }
        if (!Objects.equals(current.institution(), replacement.institution())) {
            return "institution";
        }
        return current.forthcoming().equals(replacement.forthcoming()) ? null : "forthcoming";
    }

    private JsonObject proceedingJson(String meetingId, ProceedingItem item) throws ProblemException {
        Meeting meeting = Requests.run(() -> meetings.query(connection -> meetings.store().meeting(connection, meetingId)).orElseThrow());
        return json.proceeding(item, meeting);
    }

    private static JsonArray ids(List<ProceedingItem> items) {
        JsonArray ids = new JsonArray();
        items.forEach(item -> ids.add(item.id()));
        return ids;
    }

    // Recommendations

    private void declareRecommendations(Routes routes) {
        routes.post(ONE + "/recommendations", EDITORS, request -> {
            String id = request.pathParameter("id");
            Meetings.Edit<Recommendation> edit = change(request, "The recommendation", (meetingId, version, in) ->
                    meetings.addRecommendation(meetingId, version, MeetingInputs.recommendation(in, meetingId)));
            JsonObject added = json.recommendation(edit.after());
            request.audit("recommendation", edit.after().id(), null, added);
            return ApiResponse.created(BASE + "/" + id + "/recommendations/" + edit.after().id(), added).withETag(edit.version());
        });
        // Declared before .../{rid}: the first route that matches a request serves it.
        routes.put(ONE + "/recommendations/order", EDITORS, request -> {
            String id = request.pathParameter("id");
            Meetings.Edit<List<Recommendation>> edit = change(request, "The new order", (meetingId, version, in) -> {
                Long item = in.optionalId("proceeding");
                if (item == null) {
                    throw Refused.malformed("proceeding", "proceeding is missing; give the id of the item whose recommendations"
                            + " are re-ordered.");
                }
                return meetings.reorderRecommendations(meetingId, version, item, in.each("order",
                        (path, value) -> JsonInput.slug(path, value, MeetingInputs.MAX_RECOMMENDATION_ID)));
            });
            request.audit("meeting-recommendations-order", id, labels(edit.before()), labels(edit.after()));
            return ApiResponse.ok(json.recommendations(edit.after())).withETag(edit.version());
        });
        routes.put(ONE + "/recommendations/{rid}", EDITORS, request -> {
            String id = request.pathParameter("id");
            String recommendationId = request.pathParameter("rid");
            Meetings.Edit<Recommendation> edit = change(request, "The recommendation", (meetingId, version, in) -> {
                Recommendation given = MeetingInputs.recommendation(in, meetingId);
                if (given.id() != null && !given.id().equals(recommendationId)) {
                    throw Refused.malformed("id", "id is '" + given.id() + "' but the address names '" + recommendationId
                            + "'; a recommendation's id never changes.");
                }
                return meetings.replaceRecommendation(meetingId, version, recommendationId, given);
            });
            JsonObject replaced = json.recommendation(edit.after());
            request.audit("recommendation", recommendationId, json.recommendation(edit.before()), replaced);
            return ApiResponse.ok(replaced).withETag(edit.version());
        });
        routes.delete(ONE + "/recommendations/{rid}", EDITORS, request -> {
            String recommendationId = request.pathParameter("rid");
            return deletePart(request, "recommendation", recommendationId,
                    (meetingId, version) -> meetings.deleteRecommendation(meetingId, version, recommendationId), json::recommendation);
        });
    }

    /** Recommendations as {@code {"id": "label", …}}, for the audit of a re-ordering. */
    private static JsonObject labels(List<Recommendation> recommendations) {
        JsonObject labels = new JsonObject();
        recommendations.forEach(recommendation -> labels.addProperty(recommendation.id(), recommendation.label()));
        return labels;
    }

    // Comments

    private ApiResponse comments(ApiRequest request) throws ProblemException {
        String id = request.pathParameter("id");
        return ApiResponse.ok(json.tree(Requests.run(() -> meetings.comments(id))));
    }

    private ApiResponse comment(ApiRequest request) throws ProblemException {
        String id = request.pathParameter("id");
        JsonElement body = Requests.body(request);
        String author = request.caller().orElseThrow().username();
        MeetingStore.Comment comment = Requests.run(() -> {
            JsonInput in = JsonInput.of(body, "", "The comment");
            return meetings.addComment(id, in.optionalId("proceeding"), author, in.text("text", MeetingInputs.MAX_COMMENT));
        });
        JsonElement written = json.tree(comment);
        request.audit("meeting-comment", id + "/" + comment.id(), null, written);
        return ApiResponse.created(BASE + "/" + id + "/comments", written);
    }
}
