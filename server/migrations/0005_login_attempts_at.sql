-- Login attempts are kept only as long as throttling needs them (services/auth.cpp):
-- every login removes the ones older than a day, found through this index.
CREATE INDEX login_attempts_at ON login_attempts (at);
