#pragma once
// Migration 16, the same on both engines: participants in the loop. Each
// mark says who set it; a registration may hold a personal link (the
// participant's page) and code; a session may be open for self check-in;
// every check-in is kept with the browser and address it came from, and
// the misses (guesses) with their address.
//
// The link's token is kept as issued, not hashed: badges print it again
// (its QR code) whenever the coordinator prints them. It opens one person's
// own page and check-in, nothing else. Times are unix seconds.

namespace capdev::storage {

inline constexpr const char* kSchemaCheckin = R"sql(
ALTER TABLE attendance ADD COLUMN source TEXT NOT NULL DEFAULT 'coordinator'
  CHECK (source IN ('coordinator', 'import', 'self_checkin'));

CREATE TABLE participant_links (
  registration_id BIGINT NOT NULL PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
  workshop_id BIGINT NOT NULL,
  token TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL,
  issued_at BIGINT NOT NULL,
  UNIQUE (workshop_id, code)
);

CREATE TABLE checkin_windows (
  session_id BIGINT NOT NULL PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
  session_key TEXT NOT NULL UNIQUE,
  secret TEXT NOT NULL,
  opens_at BIGINT NOT NULL,
  closes_at BIGINT NOT NULL,
  late_after BIGINT NOT NULL
);

-- recorded: the mark the check-in answered (a coordinator's stays).
CREATE TABLE checkins (
  session_id BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  device TEXT NOT NULL,
  address TEXT NOT NULL,
  at BIGINT NOT NULL,
  recorded TEXT NOT NULL
);
CREATE INDEX checkins_session ON checkins(session_id, device);
CREATE INDEX checkins_registration ON checkins(registration_id);

-- Check-ins that named nobody, per client address (unix seconds), pruned of
-- those older than the counting window as new ones are written.
CREATE TABLE checkin_misses (
  address TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX checkin_misses_address ON checkin_misses(address, at);
CREATE INDEX checkin_misses_at ON checkin_misses(at);
)sql";

}  // namespace capdev::storage
