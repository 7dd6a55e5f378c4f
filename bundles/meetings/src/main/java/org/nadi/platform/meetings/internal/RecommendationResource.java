package org.nadi.platform.meetings.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nadi.platform.meetings.api.FollowUp;
import org.nadi.platform.meetings.api.MeetingRepository;
import org.nadi.platform.meetings.api.MeetingSummary;
import org.nadi.platform.meetings.api.Recommendation;
import org.nadi.platform.meetings.api.RecommendationFilter;
import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.ApiResponse;
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
 * The recommendation tracker over REST, under {@value #BASE}: every recommendation across
 * meetings, filtered by topic, addressee, status, country of origin, the meeting's dates, text
 * and meeting, newest meeting first and a page at a time; one with its whole timeline; and a
 * follow-up step appended by the secretariat. See {@code docs/meetings.md}.
 */
@Component(service = RestResource.class)
public final class RecommendationResource implements RestResource {

    static final String BASE = "/api/v1/recommendations";
    static final int MAX_LIMIT = 500;
    private static final int MAX_OFFSET = 1_000_000;

    private final Meetings meetings;
    private final MeetingJson json = new MeetingJson();

    @Activate
    public RecommendationResource(@Reference Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public void declareRoutes(Routes routes) {
        routes.get(BASE, Access.role(Role.OBSERVER), this::list);
        routes.get(BASE + "/{rid}", Access.role(Role.OBSERVER), this::show);
        routes.post(BASE + "/{rid}/history", Access.role(Role.SECRETARIAT), this::addStep);
    }

    /**
     * {@code {"total": N, "limit": L, "offset": O, "recommendations": [...]}}: one page of those
     * the filter lets through, and how many it lets through in all.
     */
    private ApiResponse list(ApiRequest request) throws ProblemException {
        RecommendationFilter filter = filter(request);
        record Page(List<Recommendation> recommendations, int total, Map<String, MeetingSummary> meetings) {
        }
        Page page = Requests.run(() -> meetings.query(connection -> {
            List<Recommendation> found = meetings.store().recommendations(connection, filter);
            int total = found.size() < filter.limit() && filter.offset() == 0 ? found.size() : meetings.store().count(connection, filter);
            return new Page(found, total, meetings.store().summaries(connection, found.stream().map(Recommendation::meeting).toList()));
        }));
        JsonArray items = new JsonArray();
        for (Recommendation recommendation : page.recommendations()) {
            items.add(json.tracked(recommendation, page.meetings().get(recommendation.meeting()), false));
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("total", page.total());
        answer.addProperty("limit", filter.limit());
        answer.addProperty("offset", filter.offset());
        answer.add("recommendations", items);
        return ApiResponse.ok(answer);
    }

    private static RecommendationFilter filter(ApiRequest request) throws ProblemException {
        String topic = Requests.text(request, "topic").map(value -> value.toLowerCase(Locale.ROOT)).orElse(null);
        String country = Requests.text(request, "country").orElse(null);
        RecommendationFilter filter = RecommendationFilter.all()
                .topic(topic)
                .addressee(Requests.oneOf(request, "addressee", MeetingRepository.ADDRESSEES))
                .status(Requests.oneOf(request, "status", MeetingRepository.RECOMMENDATION_STATUSES))
                .country(country == null ? null : Requests.run(() -> JsonInput.code("country", country)))
                .between(Requests.date(request, "from"), Requests.date(request, "to"))
                .text(Requests.text(request, "q").orElse(null))
                .meeting(Requests.text(request, "meeting").orElse(null));
        return filter.page(Requests.number(request, "limit", 1, MAX_LIMIT, RecommendationFilter.DEFAULT_LIMIT),
                Requests.number(request, "offset", 0, MAX_OFFSET, 0));
    }

    private ApiResponse show(ApiRequest request) throws ProblemException {
        String id = request.pathParameter("rid");
        record Found(Recommendation recommendation, MeetingSummary meeting) {
        }
        Found found = Requests.run(() -> meetings.query(connection -> {
            Recommendation recommendation = meetings.store().recommendation(connection, id)
                    .orElseThrow(() -> Refused.notFound("rid", "There is no recommendation '" + id + "'."));
            return new Found(recommendation, meetings.store().summaries(connection, List.of(recommendation.meeting()))
                    .get(recommendation.meeting()));
        }));
        return ApiResponse.ok(json.tracked(found.recommendation(), found.meeting(), true)).withETag(found.meeting().version());
    }

    private ApiResponse addStep(ApiRequest request) throws ProblemException {
        String id = request.pathParameter("rid");
        JsonElement body = Requests.body(request);
        Meetings.Edit<Recommendation> edit = Requests.run(() -> meetings.addStep(id,
                MeetingInputs.followUp(JsonInput.of(body, "", "The follow-up step"))));
        MeetingSummary meeting = Requests.run(() -> meetings.query(connection -> meetings.store()
                .summaries(connection, List.of(edit.after().meeting())).get(edit.after().meeting())));
        JsonObject after = json.tracked(edit.after(), meeting, true);
        request.audit("recommendation", id, json.recommendation(edit.before()), json.recommendation(edit.after()));
        return ApiResponse.created(BASE + "/" + id, after).withETag(edit.version());
    }
}
