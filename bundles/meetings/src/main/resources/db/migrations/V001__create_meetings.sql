-- The meetings module: one row per meeting in meetings_meetings, which carries the version that
-- every change to the meeting or anything in it increments; every other table holds a part of a
-- meeting and names it in meeting_id, indexed, so that one meeting loads with one query per
-- table. Lists keep their order in an integer position. Dates are ISO yyyy-mm-dd text, which
-- orders as dates on both engines; people, institutions, countries and bodies are ids into the
-- membership module's directory, checked through its MembershipDirectory service. References
-- from one meeting's records to other meetings and recommendations (forthcoming activities,
-- sources, follow-up steps) are checked by the module rather than by REFERENCES, because one
-- posted document may name records it creates in the same transaction, in any order.
CREATE TABLE meetings_meetings (
    id VARCHAR(80) PRIMARY KEY,
    body_id VARCHAR(100) NOT NULL,
    kind VARCHAR(40) NOT NULL,
    theme VARCHAR(1000) NOT NULL,
    lower_theme VARCHAR(1000) NOT NULL,
    host_country VARCHAR(2) NOT NULL,
    organiser VARCHAR(100),
    chair VARCHAR(100),
    venue VARCHAR(300),
    city VARCHAR(300),
    lower_city VARCHAR(300),
    date_from VARCHAR(10) NOT NULL,
    date_to VARCHAR(10) NOT NULL,
    date_accuracy VARCHAR(10) NOT NULL,
    mode VARCHAR(20) NOT NULL,
    status VARCHAR(20) NOT NULL,
    agenda_adopted_on VARCHAR(10),
    version INTEGER NOT NULL
);
CREATE INDEX meetings_meetings_by_date ON meetings_meetings (date_from, date_to);
CREATE INDEX meetings_meetings_by_end ON meetings_meetings (date_to);
CREATE INDEX meetings_meetings_by_body ON meetings_meetings (body_id, date_from);

-- The meeting's topics and expected outcomes (list = 'topic' or 'expected-outcome').
CREATE TABLE meetings_header_texts (
    id ${identity},
    meeting_id VARCHAR(80) NOT NULL REFERENCES meetings_meetings (id),
    list VARCHAR(20) NOT NULL,
    position INTEGER NOT NULL,
    text VARCHAR(4000) NOT NULL
);
CREATE INDEX meetings_header_texts_by_meeting ON meetings_header_texts (meeting_id);

CREATE TABLE meetings_agenda_items (
    id ${identity},
    meeting_id VARCHAR(80) NOT NULL REFERENCES meetings_meetings (id),
    position INTEGER NOT NULL,
    title VARCHAR(1000) NOT NULL
);
CREATE INDEX meetings_agenda_items_by_meeting ON meetings_agenda_items (meeting_id);

-- Times are hh:mm text.
CREATE TABLE meetings_programme (
    id ${identity},
    meeting_id VARCHAR(80) NOT NULL REFERENCES meetings_meetings (id),
    position INTEGER NOT NULL,
    day VARCHAR(10) NOT NULL,
    start_time VARCHAR(5),
    end_time VARCHAR(5),
    title VARCHAR(1000) NOT NULL,
    place VARCHAR(300)
);
CREATE INDEX meetings_programme_by_meeting ON meetings_programme (meeting_id);

-- Participants and proceedings are numbered within their meeting (participant_id, item_id),
-- so that a posted document can refer to its own items and the numbers stay as it gave them.
CREATE TABLE meetings_participants (
    meeting_id VARCHAR(80) NOT NULL REFERENCES meetings_meetings (id),
    participant_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    country VARCHAR(2) NOT NULL,
    institution VARCHAR(100),
    person VARCHAR(100),
    role VARCHAR(30) NOT NULL,
    PRIMARY KEY (meeting_id, participant_id)
);
CREATE INDEX meetings_participants_by_person ON meetings_participants (person);

CREATE TABLE meetings_proceedings (
    meeting_id VARCHAR(80) NOT NULL REFERENCES meetings_meetings (id),
    item_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    kind VARCHAR(40) NOT NULL,
    speaker VARCHAR(100),
    title VARCHAR(1000),
    session_id INTEGER,
    country VARCHAR(2),
    institution VARCHAR(100),
    PRIMARY KEY (meeting_id, item_id)
);
CREATE INDEX meetings_proceedings_by_country ON meetings_proceedings (country, meeting_id);

CREATE TABLE meetings_paragraphs (
    id ${identity},
    meeting_id VARCHAR(80) NOT NULL REFERENCES meetings_meetings (id),
    item_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    text VARCHAR(20000) NOT NULL
);
CREATE INDEX meetings_paragraphs_by_meeting ON meetings_paragraphs (meeting_id, item_id);

-- The forthcoming activities an "other matters" item lists: ids of other meetings.
CREATE TABLE meetings_forthcoming (
    id ${identity},
    meeting_id VARCHAR(80) NOT NULL REFERENCES meetings_meetings (id),
    item_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    forthcoming_id VARCHAR(80) NOT NULL
);
CREATE INDEX meetings_forthcoming_by_meeting ON meetings_forthcoming (meeting_id);
CREATE INDEX meetings_forthcoming_by_target ON meetings_forthcoming (forthcoming_id);

-- Recommendations are records of their own, with ids unique across meetings. status and
-- status_on repeat the last step of the history, for the tracker's filter; meeting_from repeats
-- the meeting's first day, for the tracker's date filter and its newest-first order.
CREATE TABLE meetings_recommendations (
    id VARCHAR(100) PRIMARY KEY,
    meeting_id VARCHAR(80) NOT NULL REFERENCES meetings_meetings (id),
    item_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    text VARCHAR(20000) NOT NULL,
    lower_text VARCHAR(20000) NOT NULL,
    status VARCHAR(20) NOT NULL,
    meeting_from VARCHAR(10) NOT NULL
);
CREATE INDEX meetings_recommendations_by_meeting ON meetings_recommendations (meeting_id, item_id, position);
CREATE INDEX meetings_recommendations_by_date ON meetings_recommendations (meeting_from, meeting_id);
CREATE INDEX meetings_recommendations_by_status ON meetings_recommendations (status, meeting_from);

CREATE TABLE meetings_recommendation_addressees (
    id ${identity},
    recommendation_id VARCHAR(100) NOT NULL REFERENCES meetings_recommendations (id),
    position INTEGER NOT NULL,
    addressee VARCHAR(20) NOT NULL
);
CREATE INDEX meetings_recommendation_addressees_by_recommendation ON meetings_recommendation_addressees (recommendation_id);
CREATE INDEX meetings_recommendation_addressees_by_addressee ON meetings_recommendation_addressees (addressee, recommendation_id);

CREATE TABLE meetings_recommendation_topics (
    id ${identity},
    recommendation_id VARCHAR(100) NOT NULL REFERENCES meetings_recommendations (id),
    position INTEGER NOT NULL,
    topic VARCHAR(60) NOT NULL
);
CREATE INDEX meetings_recommendation_topics_by_recommendation ON meetings_recommendation_topics (recommendation_id);
CREATE INDEX meetings_recommendation_topics_by_topic ON meetings_recommendation_topics (topic, recommendation_id);

-- The recommendations a meeting's own recommendation came from.
CREATE TABLE meetings_recommendation_sources (
    id ${identity},
    recommendation_id VARCHAR(100) NOT NULL REFERENCES meetings_recommendations (id),
    position INTEGER NOT NULL,
    source_id VARCHAR(100) NOT NULL
);
CREATE INDEX meetings_recommendation_sources_by_recommendation ON meetings_recommendation_sources (recommendation_id);
CREATE INDEX meetings_recommendation_sources_by_source ON meetings_recommendation_sources (source_id);

-- Each step of a recommendation's follow-up, oldest first; at_meeting names the meeting where
-- it happened, document the document when it was not a meeting.
CREATE TABLE meetings_recommendation_history (
    id ${identity},
    recommendation_id VARCHAR(100) NOT NULL REFERENCES meetings_recommendations (id),
    position INTEGER NOT NULL,
    status VARCHAR(20) NOT NULL,
    on_date VARCHAR(10) NOT NULL,
    at_meeting VARCHAR(80),
    document VARCHAR(1000),
    note VARCHAR(4000)
);
CREATE INDEX meetings_recommendation_history_by_recommendation ON meetings_recommendation_history (recommendation_id);
CREATE INDEX meetings_recommendation_history_by_meeting ON meetings_recommendation_history (at_meeting);

-- Comments of delegates and the secretariat on a meeting or one of its proceedings; they are
-- not part of the meeting's record and do not change its version.
CREATE TABLE meetings_comments (
    id ${identity},
    meeting_id VARCHAR(80) NOT NULL REFERENCES meetings_meetings (id),
    item_id INTEGER,
    author VARCHAR(100) NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    text VARCHAR(5000) NOT NULL
);
CREATE INDEX meetings_comments_by_meeting ON meetings_comments (meeting_id, id);
