-- The membership directory. Dates are ISO yyyy-mm-dd text, which orders as dates on both
-- engines; valid_to is inclusive, and NULL means "still so" (valid_to) or "since before the
-- records begin" (valid_from). Periods that belong to a record (a country's standings, an
-- institution's names, a person's affiliations) are replaced with it and carry no version.
-- A country's id is its ISO 3166 alpha-2 code.
CREATE TABLE membership_countries (
    id VARCHAR(2) PRIMARY KEY,
    short_name VARCHAR(200) NOT NULL,
    formal_name VARCHAR(300) NOT NULL,
    version INTEGER NOT NULL
);

CREATE TABLE membership_standings (
    id ${identity},
    country_code VARCHAR(2) NOT NULL REFERENCES membership_countries (id),
    grouping_id VARCHAR(40) NOT NULL,
    valid_from VARCHAR(10),
    valid_to VARCHAR(10)
);
CREATE INDEX membership_standings_by_grouping ON membership_standings (grouping_id, country_code);
CREATE INDEX membership_standings_by_country ON membership_standings (country_code);

CREATE TABLE membership_bodies (
    id VARCHAR(100) PRIMARY KEY,
    name VARCHAR(300) NOT NULL,
    acronym VARCHAR(50),
    kind VARCHAR(40) NOT NULL,
    parent VARCHAR(100),
    reports_to VARCHAR(100),
    version INTEGER NOT NULL
);

CREATE TABLE membership_institutions (
    id VARCHAR(100) PRIMARY KEY,
    country_code VARCHAR(2) NOT NULL REFERENCES membership_countries (id),
    parent_organisation VARCHAR(300),
    version INTEGER NOT NULL
);
CREATE INDEX membership_institutions_by_country ON membership_institutions (country_code);

CREATE TABLE membership_institution_names (
    id ${identity},
    institution_id VARCHAR(100) NOT NULL REFERENCES membership_institutions (id),
    name VARCHAR(300) NOT NULL,
    lower_name VARCHAR(300) NOT NULL,
    acronym VARCHAR(50),
    lower_acronym VARCHAR(50),
    valid_from VARCHAR(10),
    valid_to VARCHAR(10)
);
CREATE INDEX membership_institution_names_by_institution ON membership_institution_names (institution_id);

CREATE TABLE membership_memberships (
    id ${identity},
    institution_id VARCHAR(100) NOT NULL REFERENCES membership_institutions (id),
    body_id VARCHAR(100) NOT NULL REFERENCES membership_bodies (id),
    role VARCHAR(20) NOT NULL,
    valid_from VARCHAR(10),
    valid_to VARCHAR(10),
    version INTEGER NOT NULL
);
CREATE INDEX membership_memberships_by_body ON membership_memberships (body_id);
CREATE INDEX membership_memberships_by_institution ON membership_memberships (institution_id);

CREATE TABLE membership_people (
    id VARCHAR(100) PRIMARY KEY,
    honorific VARCHAR(50),
    rank VARCHAR(50),
    name VARCHAR(300) NOT NULL,
    lower_name VARCHAR(300) NOT NULL,
    pronoun VARCHAR(10) NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX membership_people_by_name ON membership_people (lower_name);

CREATE TABLE membership_affiliations (
    id ${identity},
    person_id VARCHAR(100) NOT NULL REFERENCES membership_people (id),
    institution_id VARCHAR(100) NOT NULL REFERENCES membership_institutions (id),
    position VARCHAR(500),
    valid_from VARCHAR(10),
    valid_to VARCHAR(10)
);
CREATE INDEX membership_affiliations_by_person ON membership_affiliations (person_id);
CREATE INDEX membership_affiliations_by_institution ON membership_affiliations (institution_id);

CREATE TABLE membership_cochairs (
    id ${identity},
    body_id VARCHAR(100) NOT NULL REFERENCES membership_bodies (id),
    asean_country VARCHAR(2) NOT NULL REFERENCES membership_countries (id),
    plus_country VARCHAR(2) NOT NULL REFERENCES membership_countries (id),
    valid_from VARCHAR(10),
    valid_to VARCHAR(10),
    version INTEGER NOT NULL
);
CREATE INDEX membership_cochairs_by_body ON membership_cochairs (body_id);
