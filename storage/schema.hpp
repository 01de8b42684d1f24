#pragma once
// The SQL of each migration. A migration, once released, never changes:
// add a new one instead.

// The participation table's versions (6, 10, 11) are in
// storage/schema_participation.hpp.

namespace capdev::storage {

// Version 1: organizations, projects and their parties, workshops with their
// partner institutions and sessions, people, registrations and attendance.
// Enums are CHECKed here as a last line behind domain/ validation; every list
// filter of the API has an index.
inline constexpr const char* kSchemaRecords = R"sql(
CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  short_name TEXT,
  native_name TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('government', 'intergovernmental', 'academic', 'ngo', 'private', 'other')),
  country TEXT CHECK (country IS NULL OR (length(country) = 2 AND country GLOB '[A-Z][A-Z]')),
  parent_id INTEGER REFERENCES organizations(id),
  iati_ref TEXT
);
CREATE INDEX organizations_kind ON organizations(kind);
CREATE INDEX organizations_parent ON organizations(parent_id);

CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL COLLATE NOCASE UNIQUE,
  title TEXT NOT NULL,
  native_title TEXT,
  summary TEXT,
  start_date TEXT,
  end_date TEXT,
  funding_instrument TEXT,
  default_currency TEXT,
  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE project_organizations (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations(id),
  role TEXT NOT NULL CHECK (role IN ('lead_funder', 'co_funder', 'implementer', 'counterpart')),
  amount REAL CHECK (amount IS NULL OR (amount >= 0 AND role IN ('lead_funder', 'co_funder'))),
  currency TEXT,
  position INTEGER NOT NULL,
  PRIMARY KEY (project_id, organization_id, role)
) WITHOUT ROWID;
CREATE INDEX project_organizations_organization ON project_organizations(organization_id, role);

CREATE TABLE workshops (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('training', 'workshop', 'seminar', 'study_tour', 'conference', 'meeting')),
  summary TEXT,
  topics TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('planned', 'confirmed', 'held', 'cancelled')),
  start_date TEXT,
  end_date TEXT,
  dates_estimated INTEGER NOT NULL DEFAULT 0 CHECK (dates_estimated IN (0, 1)),
  city TEXT,
  province TEXT,
  country TEXT,
  venue TEXT,
  capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
  reported_participants INTEGER CHECK (reported_participants IS NULL OR reported_participants >= 0),
  notes TEXT,
  source TEXT,
  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date),
  CHECK (status NOT IN ('planned', 'confirmed') OR (start_date IS NOT NULL AND end_date IS NOT NULL))
);
CREATE INDEX workshops_project ON workshops(project_id, start_date);
CREATE INDEX workshops_status ON workshops(status);
CREATE INDEX workshops_kind ON workshops(kind);
CREATE INDEX workshops_city ON workshops(city COLLATE NOCASE);
CREATE INDEX workshops_dates ON workshops(start_date, end_date);

CREATE TABLE workshop_organizations (
  workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  organization_id INTEGER NOT NULL REFERENCES organizations(id),
  role TEXT NOT NULL CHECK (role IN ('organizer', 'co_organizer', 'host', 'supporter', 'trainer', 'participating')),
  position INTEGER NOT NULL,
  PRIMARY KEY (workshop_id, organization_id, role)
) WITHOUT ROWID;
CREATE INDEX workshop_organizations_organization ON workshop_organizations(organization_id, role);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  date TEXT NOT NULL,
  start_time TEXT,
  end_time TEXT,
  title TEXT
);
CREATE INDEX sessions_workshop ON sessions(workshop_id, date);
CREATE INDEX sessions_date ON sessions(date);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  native_name TEXT,
  gender TEXT NOT NULL DEFAULT 'undisclosed' CHECK (gender IN ('female', 'male', 'other', 'undisclosed')),
  organization_id INTEGER REFERENCES organizations(id),
  position TEXT,
  province TEXT,
  email TEXT,
  phone TEXT
);
CREATE INDEX people_organization ON people(organization_id);

CREATE TABLE registrations (
  id INTEGER PRIMARY KEY,
  workshop_id INTEGER NOT NULL REFERENCES workshops(id),
  person_id INTEGER NOT NULL REFERENCES people(id),
  role TEXT NOT NULL CHECK (role IN ('participant', 'trainer', 'speaker', 'organizer', 'observer')),
  status TEXT NOT NULL CHECK (status IN ('invited', 'registered', 'attended', 'no_show', 'cancelled')),
  UNIQUE (workshop_id, person_id)
);
CREATE INDEX registrations_person ON registrations(person_id);

-- A mark needs a registration of the same person for the session's workshop:
-- the composite key makes the database itself refuse anything else.
CREATE TABLE attendance (
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  workshop_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('present', 'late', 'excused', 'absent')),
  PRIMARY KEY (session_id, person_id),
  FOREIGN KEY (workshop_id, person_id) REFERENCES registrations(workshop_id, person_id)
) WITHOUT ROWID;
-- Covers the reports' per-workshop scans (status included: no table lookups).
CREATE INDEX attendance_registration ON attendance(workshop_id, person_id, status);
)sql";

// Version 2: users, their bearer tokens (hashes only) and the audit trail.
inline constexpr const char* kSchemaAccess = R"sql(
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL COLLATE NOCASE UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'viewer', 'funder')),
  organization_id INTEGER REFERENCES organizations(id),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK ((role = 'funder') = (organization_id IS NOT NULL))
);

CREATE TABLE auth_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,     -- unix seconds
  last_used_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,     -- absolute expiry
    revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
  -- 'api': a sign-in; 'calendar': read-only access to the iCalendar feeds,
  -- for calendar clients that can only be given a URL.
  scope TEXT NOT NULL DEFAULT 'api' CHECK (scope IN ('api', 'calendar'))
) WITHOUT ROWID;
CREATE INDEX auth_tokens_user ON auth_tokens(user_id);

-- Who changed what, when. Personal fields are masked before they get here.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  user_id INTEGER,
  username TEXT,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  before TEXT,
  after TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_user ON audit_log(user_id);
CREATE INDEX audit_log_at ON audit_log(at);
)sql";

// Version 3: what sources state about historical records whose dates are
// unknown: their length and their dates as stated (EDTF).
inline constexpr const char* kSchemaStatedDates = R"sql(
ALTER TABLE workshops ADD COLUMN duration_days INTEGER
  CHECK (duration_days IS NULL OR duration_days BETWEEN 1 AND 366);
ALTER TABLE workshops ADD COLUMN stated_dates TEXT;
)sql";

// Version 4: text compared the way people read it. unique_key holds the
// unique text folded (NFKC + case fold, capdev_fold), so "Pär", "PÄR" and a
// decomposed "Pär" are one name; search_key holds the folded texts `q`
// searches. A person's email is unique (when given).
inline constexpr const char* kSchemaTextKeys = R"sql(
ALTER TABLE organizations ADD COLUMN unique_key TEXT;
ALTER TABLE organizations ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
UPDATE organizations SET unique_key = capdev_fold(name),
  search_key = coalesce(capdev_fold(name), '') || char(31) ||
               coalesce(capdev_fold(short_name), '') || char(31) ||
               coalesce(capdev_fold(native_name), '') || char(31);
CREATE UNIQUE INDEX organizations_unique_key ON organizations(unique_key);

ALTER TABLE projects ADD COLUMN unique_key TEXT;
ALTER TABLE projects ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
UPDATE projects SET unique_key = capdev_fold(code),
  search_key = coalesce(capdev_fold(code), '') || char(31) ||
               coalesce(capdev_fold(title), '') || char(31) ||
               coalesce(capdev_fold(native_title), '') || char(31);
CREATE UNIQUE INDEX projects_unique_key ON projects(unique_key);

ALTER TABLE people ADD COLUMN unique_key TEXT;
ALTER TABLE people ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
UPDATE people SET unique_key = capdev_fold(email),
  search_key = coalesce(capdev_fold(full_name), '') || char(31) ||
               coalesce(capdev_fold(native_name), '') || char(31) ||
               coalesce(capdev_fold(email), '') || char(31);
CREATE UNIQUE INDEX people_unique_key ON people(unique_key)
  WHERE unique_key IS NOT NULL;
)sql";

// Version 5: `q` on workshops searches their title, city, venue and stated
// dates, folded like every other search.
inline constexpr const char* kSchemaWorkshopSearch = R"sql(
ALTER TABLE workshops ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
UPDATE workshops SET search_key =
  coalesce(capdev_fold(title), '') || char(31) ||
  coalesce(capdev_fold(city), '') || char(31) ||
  coalesce(capdev_fold(venue), '') || char(31) ||
  coalesce(capdev_fold(stated_dates), '') || char(31);
)sql";

// Version 7: the results framework (domain/results.hpp). Results nest within
// a project; an indicator's filter, targets and disaggregations are small
// lists kept as text (storage/row_mapping.hpp); manual values per period.
inline constexpr const char* kSchemaResults = R"sql(
CREATE TABLE results (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id),
  parent_id INTEGER REFERENCES results(id),
  level TEXT NOT NULL CHECK (level IN ('impact', 'outcome', 'output')),
  code TEXT,
  title TEXT NOT NULL
);
CREATE INDEX results_project ON results(project_id);
CREATE INDEX results_parent ON results(parent_id);

CREATE TABLE indicators (
  id INTEGER PRIMARY KEY,
  result_id INTEGER NOT NULL REFERENCES results(id),
  code TEXT,
  title TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('attendance', 'manual')),
  measure TEXT CHECK (measure IN ('people_trained', 'participations', 'participant_days',
    'people_completed', 'workshops_held', 'female_share', 'agencies_reached')),
  filter TEXT NOT NULL DEFAULT '',
  completion_threshold INTEGER,
  baseline_value REAL,
  baseline_year INTEGER,
  targets TEXT NOT NULL DEFAULT '',
  disaggregations TEXT NOT NULL DEFAULT ''
);
CREATE INDEX indicators_result ON indicators(result_id);

CREATE TABLE indicator_values (
  indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  value REAL NOT NULL,
  comment TEXT,
  PRIMARY KEY (indicator_id, period_start, period_end)
) WITHOUT ROWID;
)sql";

// Version 8: tokens get an id, so a user can list and revoke their calendar
// feed tokens one by one without ever seeing a token again.
inline constexpr const char* kSchemaTokenIds = R"sql(
ALTER TABLE auth_tokens ADD COLUMN id INTEGER;
UPDATE auth_tokens SET id =
  (SELECT COUNT(*) FROM auth_tokens t WHERE t.token_hash <= auth_tokens.token_hash);
CREATE UNIQUE INDEX auth_tokens_id ON auth_tokens(id);
CREATE INDEX auth_tokens_user_scope ON auth_tokens(user_id, scope);
)sql";

// Version 9: reports as submitted to a donor, frozen. The ids are plain
// numbers, not references: a submission outlives what it reported on.
inline constexpr const char* kSchemaSubmissions = R"sql(
CREATE TABLE report_submissions (
  id INTEGER PRIMARY KEY,
  report TEXT NOT NULL CHECK (report IN ('funder', 'results')),
  params TEXT NOT NULL,
  note TEXT,
  organization_id INTEGER,
  project_id INTEGER,
  submitted_at TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  body BLOB NOT NULL
);
CREATE INDEX report_submissions_organization ON report_submissions(organization_id);
CREATE INDEX report_submissions_project ON report_submissions(project_id);
CREATE TRIGGER report_submissions_no_update BEFORE UPDATE ON report_submissions
BEGIN SELECT RAISE(ABORT, 'a submitted report is never changed'); END;
CREATE TRIGGER report_submissions_no_delete BEFORE DELETE ON report_submissions
BEGIN SELECT RAISE(ABORT, 'a submitted report is never deleted'); END;
)sql";

}  // namespace capdev::storage
