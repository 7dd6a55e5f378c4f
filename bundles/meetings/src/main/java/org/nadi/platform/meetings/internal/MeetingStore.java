package org.nadi.platform.meetings.internal;

import static org.nadi.platform.storage.api.Sql.batches;
import static org.nadi.platform.storage.api.Sql.columns;
import static org.nadi.platform.storage.api.Sql.day;
import static org.nadi.platform.storage.api.Sql.like;
import static org.nadi.platform.storage.api.Sql.lower;
import static org.nadi.platform.storage.api.Sql.placeholders;
import static org.nadi.platform.storage.api.Sql.query;
import static org.nadi.platform.storage.api.Sql.text;
import static org.nadi.platform.storage.api.Sql.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.nadi.platform.meetings.api.Agenda;
import org.nadi.platform.meetings.api.AgendaItem;
import org.nadi.platform.meetings.api.FollowUp;
import org.nadi.platform.meetings.api.Meeting;
import org.nadi.platform.meetings.api.MeetingSummary;
import org.nadi.platform.meetings.api.Participant;
import org.nadi.platform.meetings.api.ProceedingItem;
import org.nadi.platform.meetings.api.ProgrammeEntry;
import org.nadi.platform.meetings.api.Recommendation;
import org.nadi.platform.meetings.api.RecommendationFilter;
import org.nadi.platform.storage.api.Database;
import org.nadi.platform.storage.api.Sql.Conditions;

/**
 * The meetings tables: every query and change, each run on the connection of a transaction the
 * caller opened. A complete meeting loads with one query per table, never one per row; a tracker
 * page reads its ids off one index of the recommendations table, then their parts. Positions
 * within a list are kept dense (0, 1, 2 …) so that a recommendation's label follows from its
 * position.
 */
final class MeetingStore {

    private static final String MEETINGS = "SELECT id, body_id, kind, theme, host_country, organiser, chair, venue, city, date_from,"
            + " date_to, date_accuracy, mode, status, agenda_adopted_on, version FROM meetings_meetings";
    private static final String SUMMARIES = "SELECT id, body_id, kind, theme, host_country, city, date_from, date_to, date_accuracy,"
            + " mode, status, version FROM meetings_meetings";
    /** A recommendation with its proceeding item's kind and country, which give its label and country of origin. */
    private static final String RECOMMENDATIONS = "SELECT r.id, r.meeting_id, r.item_id, r.position, r.text, p.kind, p.country"
            + " FROM meetings_recommendations r JOIN meetings_proceedings p ON p.meeting_id = r.meeting_id AND p.item_id = r.item_id";
    /** Newest meeting first, then in the report's order: the order of the index meetings_recommendations_newest. */
    private static final String TRACKER_ORDER = " ORDER BY r.meeting_from DESC, r.meeting_id, r.item_position, r.position";
    private static final String TOPIC = "topic";
    private static final String EXPECTED_OUTCOME = "expected-outcome";

    private final Database database;

    MeetingStore(Database database) {
        this.database = database;
    }

    // Reading meetings

    /** The meeting with all its parts: one query per table. */
    Optional<Meeting> meeting(Connection connection, String id) throws SQLException {
        record Row(Header header, LocalDate adoptedOn, long version) {
        }
        Optional<Row> found = first(query(connection, MEETINGS + " WHERE id = ?", row -> new Row(new Header(row.getString(1),
                row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                row.getString(8), row.getString(9), day(row.getString(10)), day(row.getString(11)), row.getString(12),
                row.getString(13), row.getString(14), List.of(), List.of()), day(row.getString(15)), row.getLong(16)), id));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<String> topics = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        for (String[] text : query(connection, "SELECT list, text FROM meetings_header_texts WHERE meeting_id = ? ORDER BY list, position",
                row -> new String[] {row.getString(1), row.getString(2)}, id)) {
            (text[0].equals(TOPIC) ? topics : outcomes).add(text[1]);
        }
        Header stored = found.get().header();
        Header header = new Header(stored.id(), stored.body(), stored.kind(), stored.theme(), stored.hostCountry(), stored.organiser(),
                stored.chair(), stored.venue(), stored.city(), stored.from(), stored.to(), stored.dateAccuracy(), stored.mode(),
                stored.status(), topics, outcomes);
        Agenda agenda = new Agenda(found.get().adoptedOn(), query(connection, "SELECT title FROM meetings_agenda_items"
                + " WHERE meeting_id = ? ORDER BY position", row -> new AgendaItem(row.getString(1)), id));
        List<ProgrammeEntry> programme = query(connection, "SELECT day, start_time, end_time, title, place FROM meetings_programme"
                + " WHERE meeting_id = ? ORDER BY position", row -> new ProgrammeEntry(day(row.getString(1)), time(row.getString(2)),
                        time(row.getString(3)), row.getString(4), row.getString(5)), id);
        List<Participant> participants = query(connection, "SELECT participant_id, country, institution, person, role"
                + " FROM meetings_participants WHERE meeting_id = ? ORDER BY position", row -> new Participant(row.getLong(1),
                        row.getString(2), row.getString(3), row.getString(4), row.getString(5)), id);
        List<ProceedingItem> proceedings = proceedings(connection, id);
        List<Recommendation> recommendations = recommendations(connection, " WHERE r.meeting_id = ?",
                " ORDER BY p.position, r.position", id);
        return Optional.of(header.with(agenda, programme, participants, proceedings, recommendations, found.get().version()));
    }

    private static List<ProceedingItem> proceedings(Connection connection, String id) throws SQLException {
        Map<Long, List<String>> paragraphs = itemTexts(connection, "SELECT item_id, text FROM meetings_paragraphs WHERE meeting_id = ?"
                + " ORDER BY item_id, position", id);
        Map<Long, List<String>> forthcoming = itemTexts(connection, "SELECT item_id, forthcoming_id FROM meetings_forthcoming"
                + " WHERE meeting_id = ? ORDER BY item_id, position", id);
        return query(connection, "SELECT item_id, kind, speaker, title, session_id, country, institution FROM meetings_proceedings"
                + " WHERE meeting_id = ? ORDER BY position", row -> {
                    long item = row.getLong(1);
                    long session = row.getLong(5);
                    Long sessionId = row.wasNull() ? null : session;
                    return new ProceedingItem(item, row.getString(2), row.getString(3), row.getString(4), sessionId, row.getString(6),
                            row.getString(7), paragraphs.getOrDefault(item, List.of()), forthcoming.getOrDefault(item, List.of()));
                }, id);
    }

    private static Map<Long, List<String>> itemTexts(Connection connection, String sql, String id) throws SQLException {
        Map<Long, List<String>> texts = new HashMap<>();
        for (Object[] row : query(connection, sql, row -> new Object[] {row.getLong(1), row.getString(2)}, id)) {
            texts.computeIfAbsent((Long) row[0], item -> new ArrayList<>()).add((String) row[1]);
        }
        return texts;
    }

    Optional<Long> version(Connection connection, String id) throws SQLException {
        return first(query(connection, "SELECT version FROM meetings_meetings WHERE id = ?", row -> row.getLong(1), id));
    }

    /** What {@code GET /meetings} asks: each criterion may be null; {@code when} is {@code upcoming} or {@code past} relative to {@code today}. */
    record MeetingQuery(String search, Collection<String> searchCountries, String when, LocalDate today, String status, String body,
            LocalDate from, LocalDate to, int limit) {
    }

    /**
     * Meeting summaries: upcoming ones (ending today or later) soonest first, past ones latest
     * first, and without {@code when} latest first.
     */
    List<MeetingSummary> summaries(Connection connection, MeetingQuery query) throws SQLException {
        Conditions conditions = new Conditions();
        if (query.search() != null) {
            String like = like(query.search());
            String countries = query.searchCountries().isEmpty() ? ""
                    : " OR host_country IN (" + placeholders(query.searchCountries().size()) + ")";
            List<Object> values = new ArrayList<>(List.of(like, like));
            values.addAll(query.searchCountries());
            conditions.and("(lower_theme LIKE ? OR lower_city LIKE ?" + countries + ")", values.toArray());
        }
        String order = " ORDER BY date_from DESC, id";
        if ("upcoming".equals(query.when())) {
            conditions.and("date_to >= ?", query.today().toString());
            order = " ORDER BY date_from, id";
        } else if ("past".equals(query.when())) {
            conditions.and("date_to < ?", query.today().toString());
        }
        if (query.status() != null) {
            conditions.and("status = ?", query.status());
        }
        if (query.body() != null) {
            conditions.and("body_id = ?", query.body());
        }
        overlapping(conditions, query.from(), query.to());
        return query(connection, SUMMARIES + conditions.where() + order + " LIMIT ?", MeetingStore::summaryRow,
                conditions.parameters(query.limit()));
    }

    /** The summaries of the meetings with these ids, by id. */
    Map<String, MeetingSummary> summaries(Connection connection, Collection<String> ids) throws SQLException {
        Map<String, MeetingSummary> found = new LinkedHashMap<>();
        for (List<String> batch : batches(ids)) {
            for (MeetingSummary summary : query(connection, SUMMARIES + " WHERE id IN (" + placeholders(batch.size()) + ")",
                    MeetingStore::summaryRow, batch.toArray())) {
                found.put(summary.id(), summary);
            }
        }
        return found;
    }

    private static MeetingSummary summaryRow(ResultSet row) throws SQLException {
        return new MeetingSummary(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), day(row.getString(7)), day(row.getString(8)), row.getString(9), row.getString(10), row.getString(11),
                row.getLong(12));
    }

    /** The countries that host a meeting, for searching by a country's name. */
    List<String> hostCountries(Connection connection) throws SQLException {
        return query(connection, "SELECT DISTINCT host_country FROM meetings_meetings ORDER BY host_country", row -> row.getString(1));
    }

    /** Those of the ids that are meetings. */
    Set<String> existingMeetings(Connection connection, Collection<String> ids) throws SQLException {
        return existing(connection, "meetings_meetings", ids);
    }

    /** Those of the ids that are recommendations. */
    Set<String> existingRecommendations(Connection connection, Collection<String> ids) throws SQLException {
        return existing(connection, "meetings_recommendations", ids);
    }

    private static Set<String> existing(Connection connection, String table, Collection<String> ids) throws SQLException {
        Set<String> found = new TreeSet<>();
        for (List<String> batch : batches(ids)) {
            found.addAll(query(connection, "SELECT id FROM " + table + " WHERE id IN (" + placeholders(batch.size()) + ")",
                    row -> row.getString(1), batch.toArray()));
        }
        return found;
    }

    /**
     * The other meetings that refer to this one or its recommendations: as a forthcoming
     * activity, in a recommendation's history, or through a recommendation's sources.
     */
    Set<String> meetingsReferringTo(Connection connection, String id) throws SQLException {
        Set<String> referring = new TreeSet<>();
        referring.addAll(query(connection, "SELECT meeting_id FROM meetings_forthcoming WHERE forthcoming_id = ? AND meeting_id <> ?",
                row -> row.getString(1), id, id));
        referring.addAll(query(connection, "SELECT r.meeting_id FROM meetings_recommendation_history h JOIN meetings_recommendations r"
                + " ON r.id = h.recommendation_id WHERE h.at_meeting = ? AND r.meeting_id <> ?", row -> row.getString(1), id, id));
        referring.addAll(query(connection, "SELECT r.meeting_id FROM meetings_recommendation_sources s JOIN meetings_recommendations r"
                + " ON r.id = s.recommendation_id JOIN meetings_recommendations source ON source.id = s.source_id"
                + " WHERE source.meeting_id = ? AND r.meeting_id <> ?", row -> row.getString(1), id, id));
        return referring;
    }

    /** The recommendations that name this one among their sources. */
    List<String> recommendationsCiting(Connection connection, String recommendationId) throws SQLException {
        return query(connection, "SELECT recommendation_id FROM meetings_recommendation_sources WHERE source_id = ?"
                + " ORDER BY recommendation_id", row -> row.getString(1), recommendationId);
    }

    // Reading recommendations

    Optional<Recommendation> recommendation(Connection connection, String id) throws SQLException {
        return first(recommendations(connection, " WHERE r.id = ?", "", id));
    }

    /**
     * One page of the recommendations the filter lets through, newest meeting first: the page's
     * ids from the recommendations table alone, then their parts.
     */
    List<Recommendation> recommendations(Connection connection, RecommendationFilter filter) throws SQLException {
        Conditions conditions = tracker(filter, true);
        List<String> page = query(connection, "SELECT r.id FROM meetings_recommendations r" + conditions.where() + TRACKER_ORDER
                + " LIMIT ? OFFSET ?", row -> row.getString(1), conditions.parameters(filter.limit(), filter.offset()));
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, Recommendation> found = new HashMap<>();
        for (Recommendation recommendation : recommendations(connection, " WHERE r.id IN (" + placeholders(page.size()) + ")", "",
                page.toArray())) {
            found.put(recommendation.id(), recommendation);
        }
        return page.stream().map(found::get).toList();
    }

    int count(Connection connection, RecommendationFilter filter) throws SQLException {
        Conditions conditions = tracker(filter, false);
        return query(connection, "SELECT COUNT(*) FROM meetings_recommendations r" + conditions.where(), row -> row.getInt(1),
                conditions.parameters()).get(0);
    }

    /**
     * The filter's conditions on {@code r}. A page reads rows in the tracker's order off its index
     * and stops when it is full, so it asks each row for its topic or addressee (EXISTS); a count
     * reads every match, quicker from the topic's or addressee's ids (IN). Asked by ids, a page
     * of a topic sorted all its recommendations first: 8 ms instead of 0.3 ms for a topic of 4,000
     * of 20,000 recommendations on SQLite (bench/meetings.sh). A topic that almost none have
     * costs a scan of the index instead, about 12 ms for 20,000.
     */
    private static Conditions tracker(RecommendationFilter filter, boolean page) {
        Conditions conditions = new Conditions();
        if (filter.topic() != null) {
            conditions.and(tagged("meetings_recommendation_topics", "topic", page), filter.topic());
        }
        if (filter.addressee() != null) {
            conditions.and(tagged("meetings_recommendation_addressees", "addressee", page), filter.addressee());
        }
        if (filter.status() != null) {
            conditions.and("r.status = ?", filter.status());
        }
        if (filter.country() != null) {
            // Of the presenting country, or made from a recommendation that is.
            conditions.and("(r.item_country = ? OR r.id IN (SELECT s.recommendation_id FROM meetings_recommendation_sources s"
                    + " JOIN meetings_recommendations source ON source.id = s.source_id WHERE source.item_country = ?))",
                    filter.country(), filter.country());
        }
        if (filter.from() != null || filter.to() != null) {
            Conditions held = overlapping(new Conditions(), filter.from(), filter.to());
            conditions.and("r.meeting_id IN (SELECT id FROM meetings_meetings" + held.where() + ")", held.parameters());
        }
        if (filter.text() != null) {
            conditions.and("r.lower_text LIKE ?", like(filter.text()));
        }
        if (filter.meeting() != null) {
            conditions.and("r.meeting_id = ?", filter.meeting());
        }
        return conditions;
    }

    /** The condition that {@code r} has the tag (a topic, an addressee) in the table: row by row, or by ids. */
    private static String tagged(String table, String column, boolean rowByRow) {
        return rowByRow ? "EXISTS (SELECT 1 FROM " + table + " tag WHERE tag.recommendation_id = r.id AND tag." + column + " = ?)"
                : "r.id IN (SELECT recommendation_id FROM " + table + " WHERE " + column + " = ?)";
    }

    /**
     * The recommendations the condition selects, in the given order, each with its addressees,
     * topics, sources (with their countries) and history: five queries for any number.
     */
    private static List<Recommendation> recommendations(Connection connection, String where, String orderAndPage, Object... parameters)
            throws SQLException {
        record Row(String id, String meeting, long item, int position, String text, String kind, String country) {
        }
        List<Row> rows = query(connection, RECOMMENDATIONS + where + orderAndPage, row -> new Row(row.getString(1), row.getString(2),
                row.getLong(3), row.getInt(4), row.getString(5), row.getString(6), row.getString(7)), parameters);
        List<String> ids = rows.stream().map(Row::id).toList();
        Map<String, List<String>> addressees = texts(connection, "SELECT recommendation_id, addressee"
                + " FROM meetings_recommendation_addressees WHERE recommendation_id IN (%s) ORDER BY recommendation_id, position", ids);
        Map<String, List<String>> topics = texts(connection, "SELECT recommendation_id, topic FROM meetings_recommendation_topics"
                + " WHERE recommendation_id IN (%s) ORDER BY recommendation_id, position", ids);
        Map<String, List<String[]>> sources = new HashMap<>();
        Map<String, List<FollowUp>> history = new HashMap<>();
        for (List<String> batch : batches(ids)) {
            for (String[] source : query(connection, ("SELECT s.recommendation_id, s.source_id, source.item_country"
                    + " FROM meetings_recommendation_sources s LEFT JOIN meetings_recommendations source ON source.id = s.source_id"
                    + " WHERE s.recommendation_id IN (%s) ORDER BY s.recommendation_id, s.position").formatted(placeholders(batch.size())),
                    row -> new String[] {row.getString(1), row.getString(2), row.getString(3)}, batch.toArray())) {
                sources.computeIfAbsent(source[0], id -> new ArrayList<>()).add(source);
            }
            for (Object[] step : query(connection, ("SELECT recommendation_id, status, on_date, at_meeting, document, note"
                    + " FROM meetings_recommendation_history WHERE recommendation_id IN (%s) ORDER BY recommendation_id, position")
                    .formatted(placeholders(batch.size())), row -> new Object[] {row.getString(1), new FollowUp(row.getString(2),
                            day(row.getString(3)), row.getString(4), row.getString(5), row.getString(6))}, batch.toArray())) {
                history.computeIfAbsent((String) step[0], id -> new ArrayList<>()).add((FollowUp) step[1]);
            }
        }
        List<Recommendation> recommendations = new ArrayList<>();
        for (Row row : rows) {
            List<String> sourceIds = new ArrayList<>();
            Set<String> countries = new TreeSet<>();
            if (row.country() != null) {
                countries.add(row.country());
            }
            for (String[] source : sources.getOrDefault(row.id(), List.of())) {
                sourceIds.add(source[1]);
                if (source[2] != null) {
                    countries.add(source[2]);
                }
            }
            recommendations.add(new Recommendation(row.id(), row.meeting(), row.item(), MeetingRules.label(row.kind(), row.position()),
                    row.text(), addressees.getOrDefault(row.id(), List.of()), topics.getOrDefault(row.id(), List.of()), sourceIds,
                    List.copyOf(countries), history.getOrDefault(row.id(), List.of())));
        }
        return recommendations;
    }

    /** Texts of the recommendations, by recommendation: the query selects its id and the text, with {@code %s} for the ids. */
    private static Map<String, List<String>> texts(Connection connection, String sql, List<String> ids) throws SQLException {
        Map<String, List<String>> texts = new HashMap<>();
        for (List<String> batch : batches(ids)) {
            for (String[] row : query(connection, sql.formatted(placeholders(batch.size())),
                    result -> new String[] {result.getString(1), result.getString(2)}, batch.toArray())) {
                texts.computeIfAbsent(row[0], id -> new ArrayList<>()).add(row[1]);
            }
        }
        return texts;
    }

    // Writing meetings

    /** Inserts a whole meeting at version 1, its recommendations in the order given within each item. */
    void insert(Connection connection, Meeting meeting) throws SQLException {
        Header header = Header.of(meeting);
        update(connection, "INSERT INTO meetings_meetings (id, body_id, kind, theme, lower_theme, host_country, organiser, chair, venue,"
                + " city, lower_city, date_from, date_to, date_accuracy, mode, status, agenda_adopted_on, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", header.id(), header.body(), header.kind(),
                header.theme(), lower(header.theme()), header.hostCountry(), header.organiser(), header.chair(), header.venue(),
                header.city(), lower(header.city()), text(header.from()), text(header.to()), header.dateAccuracy(), header.mode(),
                header.status(), text(meeting.agenda().adoptedOn()));
        writeHeaderTexts(connection, header);
        writeAgendaItems(connection, meeting.id(), meeting.agenda().items());
        writeProgramme(connection, meeting.id(), meeting.programme());
        writeParticipants(connection, meeting.id(), meeting.participants());
        writeProceedings(connection, meeting.id(), meeting.proceedings());
        Map<Long, Integer> positions = new HashMap<>();
        for (Recommendation recommendation : meeting.recommendations()) {
            int position = positions.merge(recommendation.proceeding(), 1, Integer::sum) - 1;
            insertRecommendation(connection, meeting, recommendation, position);
        }
    }

    /**
     * Repeats on the meeting's recommendations the position and country of the items that made
     * them, which the tracker filters and orders by, after the items changed.
     */
    private static void placeRecommendations(Connection connection, String meetingId) throws SQLException {
        String item = " FROM meetings_proceedings p WHERE p.meeting_id = meetings_recommendations.meeting_id"
                + " AND p.item_id = meetings_recommendations.item_id";
        update(connection, "UPDATE meetings_recommendations SET item_position = (SELECT p.position" + item + "), item_country ="
                + " (SELECT p.country" + item + ") WHERE meeting_id = ?", meetingId);
    }

    /**
     * Increments the meeting's version if it is still the one expected, changing the columns
     * given too; otherwise the storage's stale-version refusal, having written nothing.
     */
    long touch(Connection connection, String id, long expectedVersion, Map<String, Object> columns) throws SQLException {
        return database.updateVersioned(connection, "meetings_meetings", id, expectedVersion, columns);
    }

    /** The header's columns, for {@link #touch}. */
    static Map<String, Object> headerColumns(Header header) {
        return columns("body_id", header.body(), "kind", header.kind(), "theme", header.theme(), "lower_theme", lower(header.theme()),
                "host_country", header.hostCountry(), "organiser", header.organiser(), "chair", header.chair(), "venue", header.venue(),
                "city", header.city(), "lower_city", lower(header.city()), "date_from", text(header.from()), "date_to",
                text(header.to()), "date_accuracy", header.dateAccuracy(), "mode", header.mode(), "status", header.status());
    }

    /** The header's lists, and its first day where the tracker repeats it. */
    void writeHeaderTexts(Connection connection, Header header) throws SQLException {
        update(connection, "DELETE FROM meetings_header_texts WHERE meeting_id = ?", header.id());
        insertTexts(connection, header.id(), TOPIC, header.topics());
        insertTexts(connection, header.id(), EXPECTED_OUTCOME, header.expectedOutcomes());
        update(connection, "UPDATE meetings_recommendations SET meeting_from = ? WHERE meeting_id = ?", text(header.from()), header.id());
    }

    private static void insertTexts(Connection connection, String id, String list, List<String> texts) throws SQLException {
        for (int i = 0; i < texts.size(); i++) {
            update(connection, "INSERT INTO meetings_header_texts (meeting_id, list, position, text) VALUES (?, ?, ?, ?)", id, list, i,
                    texts.get(i));
        }
    }

    void writeAgendaItems(Connection connection, String id, List<AgendaItem> items) throws SQLException {
        update(connection, "DELETE FROM meetings_agenda_items WHERE meeting_id = ?", id);
        for (int i = 0; i < items.size(); i++) {
            update(connection, "INSERT INTO meetings_agenda_items (meeting_id, position, title) VALUES (?, ?, ?)", id, i,
                    items.get(i).title());
        }
    }

    void writeProgramme(Connection connection, String id, List<ProgrammeEntry> programme) throws SQLException {
        update(connection, "DELETE FROM meetings_programme WHERE meeting_id = ?", id);
        for (int i = 0; i < programme.size(); i++) {
            ProgrammeEntry entry = programme.get(i);
            update(connection, "INSERT INTO meetings_programme (meeting_id, position, day, start_time, end_time, title, place)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, i, text(entry.day()), text(entry.start()), text(entry.end()), entry.title(),
                    entry.place());
        }
    }

    void writeParticipants(Connection connection, String id, List<Participant> participants) throws SQLException {
        update(connection, "DELETE FROM meetings_participants WHERE meeting_id = ?", id);
        for (int i = 0; i < participants.size(); i++) {
            Participant participant = participants.get(i);
            update(connection, "INSERT INTO meetings_participants (meeting_id, participant_id, position, country, institution, person,"
                    + " role) VALUES (?, ?, ?, ?, ?, ?, ?)", id, participant.id(), i, participant.country(), participant.institution(),
                    participant.person(), participant.role());
        }
    }

    /** The proceedings in this order, with their paragraphs and forthcoming meetings. */
    void writeProceedings(Connection connection, String id, List<ProceedingItem> proceedings) throws SQLException {
        update(connection, "DELETE FROM meetings_paragraphs WHERE meeting_id = ?", id);
        update(connection, "DELETE FROM meetings_forthcoming WHERE meeting_id = ?", id);
        update(connection, "DELETE FROM meetings_proceedings WHERE meeting_id = ?", id);
        for (int i = 0; i < proceedings.size(); i++) {
            ProceedingItem item = proceedings.get(i);
            update(connection, "INSERT INTO meetings_proceedings (meeting_id, item_id, position, kind, speaker, title, session_id,"
                    + " country, institution) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, item.id(), i, item.kind(), item.speaker(),
                    item.title(), item.session(), item.country(), item.institution());
            for (int p = 0; p < item.paragraphs().size(); p++) {
                update(connection, "INSERT INTO meetings_paragraphs (meeting_id, item_id, position, text) VALUES (?, ?, ?, ?)", id,
                        item.id(), p, item.paragraphs().get(p));
            }
            for (int f = 0; f < item.forthcoming().size(); f++) {
                update(connection, "INSERT INTO meetings_forthcoming (meeting_id, item_id, position, forthcoming_id) VALUES (?, ?, ?, ?)",
                        id, item.id(), f, item.forthcoming().get(f));
            }
        }
        placeRecommendations(connection, id);
    }

    /** Deletes the meeting with everything in it (its version already checked by {@link #touch}). */
    void delete(Connection connection, String id) throws SQLException {
        String ofMeeting = "recommendation_id IN (SELECT id FROM meetings_recommendations WHERE meeting_id = ?)";
        for (String table : List.of("meetings_recommendation_addressees", "meetings_recommendation_topics",
                "meetings_recommendation_sources", "meetings_recommendation_history")) {
            update(connection, "DELETE FROM " + table + " WHERE " + ofMeeting, id);
        }
        for (String table : List.of("meetings_recommendations", "meetings_comments", "meetings_paragraphs", "meetings_forthcoming",
                "meetings_proceedings", "meetings_participants", "meetings_programme", "meetings_agenda_items", "meetings_header_texts")) {
            update(connection, "DELETE FROM " + table + " WHERE meeting_id = ?", id);
        }
        update(connection, "DELETE FROM meetings_meetings WHERE id = ?", id);
    }

    // Writing recommendations

    /**
     * Inserts a recommendation (with an id) of the meeting, whose proceedings include its item,
     * at the position within that item, with its history.
     */
    void insertRecommendation(Connection connection, Meeting meeting, Recommendation recommendation, int position) throws SQLException {
        int itemPosition = MeetingRules.indexOf(meeting.proceedings(), recommendation.proceeding());
        update(connection, "INSERT INTO meetings_recommendations (id, meeting_id, item_id, position, text, lower_text, status,"
                + " meeting_from, item_position, item_country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", recommendation.id(),
                recommendation.meeting(), recommendation.proceeding(), position, recommendation.text(), lower(recommendation.text()),
                recommendation.status(), text(meeting.from()), itemPosition, meeting.proceedings().get(itemPosition).country());
        insertRecommendationLists(connection, recommendation);
        for (int i = 0; i < recommendation.history().size(); i++) {
            insertStep(connection, recommendation.id(), i, recommendation.history().get(i));
        }
    }

    /** Replaces a recommendation's item (of the meeting), position, text, addressees, topics and sources; its history stays. */
    void replaceRecommendation(Connection connection, Meeting meeting, Recommendation recommendation, int position) throws SQLException {
        int itemPosition = MeetingRules.indexOf(meeting.proceedings(), recommendation.proceeding());
        update(connection, "UPDATE meetings_recommendations SET item_id = ?, position = ?, text = ?, lower_text = ?, item_position = ?,"
                + " item_country = ? WHERE id = ?", recommendation.proceeding(), position, recommendation.text(),
                lower(recommendation.text()), itemPosition, meeting.proceedings().get(itemPosition).country(), recommendation.id());
        for (String table : List.of("meetings_recommendation_addressees", "meetings_recommendation_topics",
                "meetings_recommendation_sources")) {
            update(connection, "DELETE FROM " + table + " WHERE recommendation_id = ?", recommendation.id());
        }
        insertRecommendationLists(connection, recommendation);
    }

    private static void insertRecommendationLists(Connection connection, Recommendation recommendation) throws SQLException {
        for (int i = 0; i < recommendation.addressees().size(); i++) {
            update(connection, "INSERT INTO meetings_recommendation_addressees (recommendation_id, position, addressee) VALUES (?, ?, ?)",
                    recommendation.id(), i, recommendation.addressees().get(i));
        }
        for (int i = 0; i < recommendation.topics().size(); i++) {
            update(connection, "INSERT INTO meetings_recommendation_topics (recommendation_id, position, topic) VALUES (?, ?, ?)",
                    recommendation.id(), i, recommendation.topics().get(i));
        }
        for (int i = 0; i < recommendation.sources().size(); i++) {
            update(connection, "INSERT INTO meetings_recommendation_sources (recommendation_id, position, source_id) VALUES (?, ?, ?)",
                    recommendation.id(), i, recommendation.sources().get(i));
        }
    }

    void deleteRecommendation(Connection connection, String id) throws SQLException {
        for (String table : List.of("meetings_recommendation_addressees", "meetings_recommendation_topics",
                "meetings_recommendation_sources", "meetings_recommendation_history")) {
            update(connection, "DELETE FROM " + table + " WHERE recommendation_id = ?", id);
        }
        update(connection, "DELETE FROM meetings_recommendations WHERE id = ?", id);
    }

    /** Sets the positions of recommendations of one item: the first in the list gets 0. */
    void order(Connection connection, List<String> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            update(connection, "UPDATE meetings_recommendations SET position = ? WHERE id = ?", i, ids.get(i));
        }
    }

    /** Appends a step to a recommendation's history, which becomes its status. */
    void appendStep(Connection connection, String id, int position, FollowUp step) throws SQLException {
        insertStep(connection, id, position, step);
        update(connection, "UPDATE meetings_recommendations SET status = ? WHERE id = ?", step.status(), id);
    }

    private static void insertStep(Connection connection, String id, int position, FollowUp step) throws SQLException {
        update(connection, "INSERT INTO meetings_recommendation_history (recommendation_id, position, status, on_date, at_meeting,"
                + " document, note) VALUES (?, ?, ?, ?, ?, ?, ?)", id, position, step.status(), text(step.on()), step.meeting(),
                step.document(), step.note());
    }

    /** A recommendation id not taken yet: the meeting's id, {@code -r} and the next number. */
    String newRecommendationId(Connection connection, String meetingId, Set<String> alsoTaken) throws SQLException {
        String prefix = meetingId + "-r";
        Set<String> taken = new LinkedHashSet<>(alsoTaken);
        taken.addAll(query(connection, "SELECT id FROM meetings_recommendations WHERE meeting_id = ?", row -> row.getString(1), meetingId));
        int next = taken.stream().filter(id -> id.startsWith(prefix) && id.substring(prefix.length()).matches("\\d{1,9}"))
                .map(id -> Integer.parseInt(id.substring(prefix.length()))).max(Comparator.naturalOrder()).orElse(0) + 1;
        while (taken.contains(prefix + next) || !existingRecommendations(connection, List.of(prefix + next)).isEmpty()) {
            next++;
        }
        return prefix + next;
    }

    // Comments

    /** A comment on a meeting, or on one of its proceeding items. */
    record Comment(long id, String meeting, Long proceeding, String author, String at, String text) {
    }

    Comment insertComment(Connection connection, Comment comment) throws SQLException {
        long id = query(connection, "INSERT INTO meetings_comments (meeting_id, item_id, author, created_at, text) VALUES (?, ?, ?, ?, ?)"
                + " RETURNING id", row -> row.getLong(1), comment.meeting(), comment.proceeding(), comment.author(), comment.at(),
                comment.text()).get(0);
        return new Comment(id, comment.meeting(), comment.proceeding(), comment.author(), comment.at(), comment.text());
    }

    /** Comments on a proceeding item deleted are kept as comments on the whole meeting. */
    void forgetCommentedItem(Connection connection, String meetingId, long itemId) throws SQLException {
        update(connection, "UPDATE meetings_comments SET item_id = NULL WHERE meeting_id = ? AND item_id = ?", meetingId, itemId);
    }

    List<Comment> comments(Connection connection, String meetingId) throws SQLException {
        return query(connection, "SELECT id, meeting_id, item_id, author, created_at, text FROM meetings_comments WHERE meeting_id = ?"
                + " ORDER BY id", row -> {
                    long item = row.getLong(3);
                    Long itemId = row.wasNull() ? null : item;
                    return new Comment(row.getLong(1), row.getString(2), itemId, row.getString(4), row.getString(5), row.getString(6));
                }, meetingId);
    }

    // Plumbing

    /** A meeting held at least partly between the days; either may be null for unbounded. */
    private static Conditions overlapping(Conditions conditions, LocalDate from, LocalDate to) {
        if (from != null) {
            conditions.and("date_to >= ?", from.toString());
        }
        return to == null ? conditions : conditions.and("date_from <= ?", to.toString());
    }

    private static <T> Optional<T> first(List<T> records) {
        return records.stream().findFirst();
    }

    private static LocalTime time(String text) {
        return text == null ? null : LocalTime.parse(text);
    }
}
