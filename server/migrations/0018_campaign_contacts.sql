-- 0018: contact people (工作联系人) belong to a campaign (issue 12): each year's campaign names
-- its own. Existing contacts go to the newest campaign whose running federation holds their
-- body; a contact no campaign covers stays unattached until a campaign adopts her (a new
-- campaign takes the unattached contacts under its runner, as it takes the pilots).
ALTER TABLE contacts ADD COLUMN campaign_id BIGINT REFERENCES campaigns(id);

UPDATE contacts SET campaign_id = (
  SELECT max(c.id)
  FROM campaigns c
  JOIN organisations r ON r.id = c.organisation_id
  JOIN organisations o ON o.id = contacts.organisation_id
  WHERE o.path >= r.path AND o.path < r.path || '~'
);

CREATE INDEX contacts_campaign ON contacts (campaign_id, organisation_id);
