-- 0014: spot checks (抽查, issue 12): the federation running a campaign draws a sample of a
-- district's bodies — reproducible (the seed is stored: the same seed over the same bodies
-- draws the same sample), stratified by level, listed before anyone visits — and records a
-- finding for each sampled body.
CREATE TABLE spot_checks (
  id {{id}},
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),  -- the district checked
  seed BIGINT NOT NULL,
  sample_size INTEGER NOT NULL CHECK (sample_size >= 1),
  drawn_at {{timestamp}} NOT NULL,
  drawn_by TEXT NOT NULL
);
CREATE INDEX spot_checks_campaign ON spot_checks (campaign_id, organisation_id);

CREATE TABLE spot_check_items (
  spot_check_id BIGINT NOT NULL REFERENCES spot_checks(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  stratum TEXT NOT NULL,   -- 'township' (streets and townships) or 'grassroots'
  sort_order INTEGER NOT NULL,
  finding TEXT CHECK (finding IS NULL OR finding IN ('confirmed', 'differences')),
  differences TEXT,
  notes TEXT,
  checked_on {{date}},
  checked_by TEXT,
  CONSTRAINT spot_check_items_pkey PRIMARY KEY (spot_check_id, organisation_id)
);
