-- 0021: the women's meeting (妇女群众会议, issue 13 step 3): the women of a body met on a day,
-- the nominees put to them and the outcome for each. Confirming appoints the confirmed nominees
-- (their positions start on the meeting day) in the same transaction as the meeting is stored.
CREATE TABLE womens_meetings (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  held_on {{date}} NOT NULL,
  place TEXT NOT NULL,
  attendance INTEGER NOT NULL,
  notes TEXT,
  created_at {{timestamp}} NOT NULL,
  created_by TEXT NOT NULL,
  CONSTRAINT womens_meetings_attendance CHECK (attendance >= 1)
);
CREATE INDEX womens_meetings_organisation ON womens_meetings (organisation_id, held_on);

CREATE TABLE meeting_nominees (
  meeting_id BIGINT NOT NULL REFERENCES womens_meetings(id),
  nomination_id BIGINT NOT NULL REFERENCES nominations(id),
  confirmed INTEGER NOT NULL,
  position_id BIGINT REFERENCES positions(id) ON DELETE SET NULL,
  sort_order INTEGER NOT NULL,
  CONSTRAINT meeting_nominees_pkey PRIMARY KEY (meeting_id, nomination_id),
  CONSTRAINT meeting_nominees_confirmed CHECK (confirmed IN (0, 1))
);
CREATE INDEX meeting_nominees_nomination ON meeting_nominees (nomination_id);
