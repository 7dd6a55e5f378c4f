-- Notes: the example module's one editable record. The platform applies this file once,
-- when the module first starts, and records it in platform_schema_versions.
CREATE TABLE example_notes (
    id ${identity},
    text VARCHAR(10000) NOT NULL,
    version INTEGER NOT NULL,
    created_at VARCHAR(40) NOT NULL
);
