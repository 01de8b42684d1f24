#pragma once
// Migration 12: records in two scripts. Organizations gain aliases and one
// namespace for every name; people their generated-name flag, a search key
// that reads pinyin, and pairs marked "not the same person"; registrations
// the list's own numbering.

namespace capdev::storage {

// organization_names holds every name of every organization folded
// (capdev_fold): its key is the namespace. Names already shared by two
// records stay with the first (by id, name before native name before short
// name); the next edit of the other is refused until one is renamed.
inline constexpr const char* kSchemaNames = R"sql(
ALTER TABLE organizations ADD COLUMN aliases TEXT NOT NULL DEFAULT '';
CREATE TABLE organization_names (
  key TEXT PRIMARY KEY,
  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX organization_names_organization ON organization_names(organization_id);
INSERT OR IGNORE INTO organization_names(key, organization_id)
  SELECT capdev_fold(name), id FROM organizations ORDER BY id;
INSERT OR IGNORE INTO organization_names(key, organization_id)
  SELECT capdev_fold(native_name), id FROM organizations
  WHERE trim(coalesce(native_name, '')) <> '' ORDER BY id;
INSERT OR IGNORE INTO organization_names(key, organization_id)
  SELECT capdev_fold(short_name), id FROM organizations
  WHERE trim(coalesce(short_name, '')) <> '' ORDER BY id;

ALTER TABLE people ADD COLUMN full_name_generated INTEGER NOT NULL DEFAULT 0
  CHECK (full_name_generated IN (0, 1));
UPDATE people SET search_key = capdev_person_search_key(full_name, native_name, email);

CREATE TABLE people_distinct (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  other_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  PRIMARY KEY (person_id, other_id),
  CHECK (person_id < other_id)
) WITHOUT ROWID;
CREATE INDEX people_distinct_other ON people_distinct(other_id);

ALTER TABLE registrations ADD COLUMN list_order INTEGER
  CHECK (list_order IS NULL OR list_order >= 0);
)sql";

}  // namespace capdev::storage
