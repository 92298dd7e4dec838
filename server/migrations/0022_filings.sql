-- 0022: filing (备案, issue 13 step 5): each women's meeting's result is filed with the Party
-- organisation at the same level and with the federation above. A filing is sent (date,
-- reference), then acknowledged or returned with a reason; a returned one may be sent again.
-- One live (sent or acknowledged) filing a meeting and recipient.
CREATE TABLE filings (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES womens_meetings(id),
  recipient TEXT NOT NULL,
  recipient_name TEXT NOT NULL,
  sent_on {{date}} NOT NULL,
  reference TEXT,
  state TEXT NOT NULL,
  answered_on {{date}},
  return_reason TEXT,
  created_at {{timestamp}} NOT NULL,
  created_by TEXT NOT NULL,
  CONSTRAINT filings_recipient CHECK (recipient IN ('party', 'federation_above')),
  CONSTRAINT filings_state CHECK (state IN ('sent', 'acknowledged', 'returned'))
);
CREATE UNIQUE INDEX filings_live ON filings (meeting_id, recipient) WHERE state <> 'returned';
