-- Accounts: one row per user. The id is what Database.updateVersioned matches; the username is
-- what people and the API use, and never changes. password_hash is self-describing
-- (pbkdf2-sha256$ITERATIONS$SALT$HASH); role is a Role id; institution is an institution's id
-- or NULL.
CREATE TABLE security_users (
    id ${identity},
    username VARCHAR(64) NOT NULL UNIQUE,
    password_hash VARCHAR(200) NOT NULL,
    role VARCHAR(20) NOT NULL,
    institution VARCHAR(100),
    version INTEGER NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL
);

-- Bearer tokens: only the SHA-256 of each token is kept; the token itself is shown once.
CREATE TABLE security_tokens (
    id ${identity},
    username VARCHAR(64) NOT NULL REFERENCES security_users (username),
    name VARCHAR(100) NOT NULL,
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    created_at VARCHAR(40) NOT NULL,
    last_used_at VARCHAR(40)
);
CREATE INDEX security_tokens_by_username ON security_tokens (username);

-- The audit trail: rows are only ever inserted. "at" is UTC with milliseconds in a fixed width
-- (2026-03-01T09:00:00.000Z), so that comparing the text compares the times.
CREATE TABLE security_audit (
    id ${identity},
    at VARCHAR(40) NOT NULL,
    actor TEXT NOT NULL,
    address TEXT NOT NULL,
    module TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before_state TEXT NOT NULL,
    after_state TEXT NOT NULL
);
CREATE INDEX security_audit_by_at ON security_audit (at);
CREATE INDEX security_audit_by_actor ON security_audit (actor);
CREATE INDEX security_audit_by_entity ON security_audit (entity, entity_id);
