#pragma once
// The SQL of the migrations that build and keep the participation table, the
// one every report reads (storage/figures.hpp). A migration, once released,
// never changes: add a new one instead.

namespace capdev::storage {

// Version 6: who took part in which workshop, in what role, and on how many
// days (present or late marks), kept by triggers in the transaction of every
// registration and attendance write, so the reports read one row per person
// and workshop instead of every mark. Cancelled registrations have no row.
// `capdev check` compares it with the marks (storage/participation.cpp).
inline constexpr const char* kSchemaParticipation = R"sql(
CREATE TABLE participation (
  workshop_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  role TEXT NOT NULL,
  days INTEGER NOT NULL,
  PRIMARY KEY (workshop_id, person_id)
) WITHOUT ROWID;
CREATE INDEX participation_person ON participation(person_id);

CREATE TRIGGER participation_registration_insert AFTER INSERT ON registrations
WHEN NEW.status <> 'cancelled' BEGIN
  INSERT INTO participation VALUES (NEW.workshop_id, NEW.person_id, NEW.role,
    (SELECT COUNT(*) FROM attendance a WHERE a.workshop_id = NEW.workshop_id
       AND a.person_id = NEW.person_id AND a.status IN ('present', 'late')));
END;
CREATE TRIGGER participation_registration_delete AFTER DELETE ON registrations
BEGIN
  DELETE FROM participation
  WHERE workshop_id = OLD.workshop_id AND person_id = OLD.person_id;
END;
CREATE TRIGGER participation_registration_update
AFTER UPDATE OF workshop_id, person_id, role, status ON registrations BEGIN
  DELETE FROM participation
  WHERE workshop_id = OLD.workshop_id AND person_id = OLD.person_id;
  INSERT INTO participation SELECT NEW.workshop_id, NEW.person_id, NEW.role,
    (SELECT COUNT(*) FROM attendance a WHERE a.workshop_id = NEW.workshop_id
       AND a.person_id = NEW.person_id AND a.status IN ('present', 'late'))
  WHERE NEW.status <> 'cancelled';
END;
CREATE TRIGGER participation_mark_insert AFTER INSERT ON attendance
WHEN NEW.status IN ('present', 'late') BEGIN
  UPDATE participation SET days = days + 1
  WHERE workshop_id = NEW.workshop_id AND person_id = NEW.person_id;
END;
CREATE TRIGGER participation_mark_delete AFTER DELETE ON attendance
WHEN OLD.status IN ('present', 'late') BEGIN
  UPDATE participation SET days = days - 1
  WHERE workshop_id = OLD.workshop_id AND person_id = OLD.person_id;
END;
CREATE TRIGGER participation_mark_update AFTER UPDATE ON attendance BEGIN
  UPDATE participation SET days = days - 1
  WHERE OLD.status IN ('present', 'late')
    AND workshop_id = OLD.workshop_id AND person_id = OLD.person_id;
  UPDATE participation SET days = days + 1
  WHERE NEW.status IN ('present', 'late')
    AND workshop_id = NEW.workshop_id AND person_id = NEW.person_id;
END;

INSERT INTO participation
SELECT r.workshop_id, r.person_id, r.role,
  (SELECT COUNT(*) FROM attendance a WHERE a.workshop_id = r.workshop_id
     AND a.person_id = r.person_id AND a.status IN ('present', 'late'))
FROM registrations r WHERE r.status <> 'cancelled';
)sql";

// Version 10: each participation row carries its person's gender and
// organization, kept by the triggers below, so that reports count people by
// gender and agency without looking every person up (bench/README.md).
inline constexpr const char* kSchemaParticipationGroups = R"sql(
ALTER TABLE participation ADD COLUMN gender TEXT;
ALTER TABLE participation ADD COLUMN organization_id INTEGER;

DROP TRIGGER participation_registration_insert;
CREATE TRIGGER participation_registration_insert AFTER INSERT ON registrations
WHEN NEW.status <> 'cancelled' BEGIN
  INSERT INTO participation
  SELECT NEW.workshop_id, NEW.person_id, NEW.role,
    (SELECT COUNT(*) FROM attendance a WHERE a.workshop_id = NEW.workshop_id
       AND a.person_id = NEW.person_id AND a.status IN ('present', 'late')),
    pe.gender, pe.organization_id
  FROM people pe WHERE pe.id = NEW.person_id;
END;
DROP TRIGGER participation_registration_update;
CREATE TRIGGER participation_registration_update
AFTER UPDATE OF workshop_id, person_id, role, status ON registrations BEGIN
  DELETE FROM participation
  WHERE workshop_id = OLD.workshop_id AND person_id = OLD.person_id;
  INSERT INTO participation
  SELECT NEW.workshop_id, NEW.person_id, NEW.role,
    (SELECT COUNT(*) FROM attendance a WHERE a.workshop_id = NEW.workshop_id
       AND a.person_id = NEW.person_id AND a.status IN ('present', 'late')),
    pe.gender, pe.organization_id
  FROM people pe WHERE pe.id = NEW.person_id AND NEW.status <> 'cancelled';
END;
CREATE TRIGGER participation_people_update
AFTER UPDATE OF gender, organization_id ON people
WHEN OLD.gender IS NOT NEW.gender
  OR OLD.organization_id IS NOT NEW.organization_id BEGIN
  UPDATE participation SET gender = NEW.gender,
    organization_id = NEW.organization_id
  WHERE person_id = NEW.id;
END;

UPDATE participation SET
  gender = (SELECT gender FROM people WHERE id = participation.person_id),
  organization_id =
    (SELECT organization_id FROM people WHERE id = participation.person_id);
)sql";

// Version 11: a changed mark touches the participation row only when it
// changes whether the mark counts (present or late): from present to late,
// or from excused to absent, nothing is written, and otherwise one update
// instead of two. A person's marks moved to another (a merge) still move.
inline constexpr const char* kSchemaParticipationMarkUpdate = R"sql(
DROP TRIGGER participation_mark_update;
CREATE TRIGGER participation_mark_update AFTER UPDATE ON attendance
WHEN OLD.workshop_id IS NOT NEW.workshop_id OR OLD.person_id IS NOT NEW.person_id
  OR (OLD.status IN ('present', 'late')) <> (NEW.status IN ('present', 'late'))
BEGIN
  UPDATE participation SET days = days - 1
  WHERE OLD.status IN ('present', 'late')
    AND workshop_id = OLD.workshop_id AND person_id = OLD.person_id;
  UPDATE participation SET days = days + 1
  WHERE NEW.status IN ('present', 'late')
    AND workshop_id = NEW.workshop_id AND person_id = NEW.person_id;
END;
)sql";

}  // namespace capdev::storage
