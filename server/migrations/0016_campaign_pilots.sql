-- 0016: pilot sites (示范点) belong to a campaign (issue 12): each year's campaign has its own.
-- A new campaign starts with the bodies the registry marks `pilot` under its runner; the
-- federations then add or remove pilots for that campaign alone. Campaigns made before this
-- migration get their pilots the same way.
CREATE TABLE campaign_pilots (
  campaign_id BIGINT NOT NULL REFERENCES campaigns(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  marked_at {{timestamp}} NOT NULL,
  marked_by TEXT NOT NULL,
  CONSTRAINT campaign_pilots_pkey PRIMARY KEY (campaign_id, organisation_id)
);
CREATE INDEX campaign_pilots_organisation ON campaign_pilots (organisation_id);

INSERT INTO campaign_pilots (campaign_id, organisation_id, marked_at, marked_by)
SELECT c.id, o.id, c.created_at, 'migration'
FROM campaigns c
JOIN organisations r ON r.id = c.organisation_id
JOIN organisations o ON o.path > r.path AND o.path < r.path || '~' AND o.pilot = 1;
