-- 0004: staffing rule sets (配备标准) as data, the schedule of which set is in force from
-- which date, and small deployment settings (the campaign's baseline date).
-- A stored version is never edited: saving a set makes the next version of its code.
-- `definition` is the whole set as JSON (docs/api-contract.md, "RuleSet object"); the
-- seeded Harbin 2016 definition equals domain::staffing::harbin_2016_rule_set() (tested).
CREATE TABLE rule_sets (
  code TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_at {{timestamp}} NOT NULL,
  created_by TEXT NOT NULL,
  CONSTRAINT rule_sets_pkey PRIMARY KEY (code, version)
);

-- From `effective_from` on (until the next entry) the set (code, version) is in force.
CREATE TABLE rule_set_schedule (
  effective_from {{date}} NOT NULL,
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at {{timestamp}} NOT NULL,
  created_by TEXT NOT NULL,
  CONSTRAINT rule_set_schedule_pkey PRIMARY KEY (effective_from),
  CONSTRAINT rule_set_schedule_rule_set FOREIGN KEY (code, version) REFERENCES rule_sets (code, version)
);

-- Compliance reads every position held on a date in a subtree: from this index alone.
CREATE INDEX positions_held ON positions (organisation_id, start_on, end_on, person_id, role, id);

CREATE TABLE settings (
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  CONSTRAINT settings_pkey PRIMARY KEY (key)
);

INSERT INTO rule_sets (code, version, name, definition, created_at, created_by) VALUES (
  'harbin_2016', 1, '哈尔滨市2016年配备标准（哈妇发〔2016〕8号）',
  '{"code":"harbin_2016","name":"哈尔滨市2016年配备标准（哈妇发〔2016〕8号）","version":1,"rules":{"township":{"total":{"min":25,"max":35},"role_counts":{"chair":{"min":1,"max":1},"vice_chair":{"min":2,"max":2},"executive":{"min":22,"max":32}},"forbidden_roles":[]},"street":{"total":{"min":25,"max":35},"role_counts":{"chair":{"min":1,"max":1},"vice_chair":{"min":2,"max":2},"executive":{"min":22,"max":32}},"forbidden_roles":[]},"community":{"total":{"min":15,"max":25},"role_counts":{"chair":{"min":1,"max":1},"vice_chair":{"min":2,"max":2},"executive":{"min":12,"max":22}},"forbidden_roles":[]},"village":{"total":{"min":15,"max":25},"role_counts":{"chair":{"min":1,"max":1},"vice_chair":{"min":2,"max":2},"executive":{"min":12,"max":22}},"forbidden_roles":[]},"village_congress":{"total":{"min":7,"max":13},"role_counts":{"director":{"min":1,"max":1},"deputy_director":{"min":2,"max":2},"member":{"min":4,"max":10}},"forbidden_roles":["chair","vice_chair","executive"]}},"seat_rules":[{"holder_body_type":"village_congress","holder_role":"director","seat_role":"executive"},{"holder_body_type":"community","holder_role":"chair","seat_role":"executive"}]}',
  '2016-01-01T00:00:00Z', 'system');

INSERT INTO rule_set_schedule (effective_from, code, version, created_at, created_by) VALUES
  ('2016-01-01', 'harbin_2016', 1, '2016-01-01T00:00:00Z', 'system');

-- "Before the expansion": the roster as of this date (the 2016 campaign's survey date).
INSERT INTO settings (key, value) VALUES ('campaign_baseline', '2016-06-01');
