-- 0024: the women's meeting's minutes (会议记录, issue 13 §4) as files attached to the meeting:
-- the signed attendance sheet and the minutes, scanned (PDF, PNG or JPEG; judged by content).
CREATE TABLE meeting_files (
  id {{id}},
  meeting_id BIGINT NOT NULL REFERENCES womens_meetings(id),
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content TEXT NOT NULL,  -- base64
  uploaded_at {{timestamp}} NOT NULL,
  uploaded_by TEXT NOT NULL
);
CREATE INDEX meeting_files_meeting ON meeting_files (meeting_id, id);
