-- 0012: the registry's change feed (issue 11, "Forms and compliance fast"). Each server keeps
-- an in-memory index of bodies, positions and people's form attributes for counting; it
-- stays in step with the database (and with other servers on it) through these two tables.
-- Every write transaction that records audit for an organisation, person or position
-- raises `n` by one just before it commits (the row lock orders the generations as the
-- transactions commit) and lists what it touched under the new generation; a server that
-- sees `n` move reads the changes after its own generation and reloads only those rows.
-- entity 'all' (entity_id 0) means "too many to list: reload everything".
CREATE TABLE registry_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n BIGINT NOT NULL
);
INSERT INTO registry_generation (id, n) VALUES (1, 0);

CREATE TABLE registry_changes (
  generation BIGINT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL
);
CREATE INDEX registry_changes_generation ON registry_changes (generation);
