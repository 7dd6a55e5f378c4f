-- "Who belonged to a body on a day" (the members-at-date lists, GET institutions?body=…&at=…)
-- reads the institution and the dates of every membership of the body: with them in the index,
-- it is answered from the index alone instead of from every membership row (a tenth of the
-- list's database time with 800 members, bench/membership-queries.sh). It replaces the index on
-- the body alone, which it serves as well.
DROP INDEX membership_memberships_by_body;
CREATE INDEX membership_memberships_by_body_and_day ON membership_memberships (body_id, institution_id, valid_from, valid_to);
