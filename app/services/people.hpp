#pragma once
// Recording people (participants, trainers, ...) and erasing their personal
// data on request.

#include <string>
#include <vector>

#include "app/services/records.hpp"
#include "domain/person.hpp"

namespace capdev::services {

// A new person, and the people who may be the same one (same full name in
// the same organization): created all the same, listed for a human to judge.
struct PersonCreated {
  domain::Person person;
  std::vector<domain::Person> possible_duplicates;
};

// An email belongs to one person (409 naming the one who has it). A person
// given only a Chinese name gets its Latin form generated (王芳 -> WANG
// Fang, full_name_generated), kept in step with the Chinese name until
// someone writes full_name.
domain::StatusOr<PersonCreated> CreatePerson(
    storage::WriteTx& tx, const domain::Principal& by,
    const domain::Draft<domain::Person>& draft);
domain::StatusOr<domain::Person> UpdatePerson(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Person>& draft);
domain::Status DeletePerson(storage::WriteTx& tx, const domain::Principal& by,
                            std::int64_t id);

// What a merge did to the kept person: the fields it took from the merged
// one because the kept one lacked them, and those where both had different
// values (the kept one's stay).
struct FieldDifference {
  std::string field;
  std::string kept;
  std::string merged;
};
struct PersonMerged {
  domain::Person kept;
  std::vector<std::string> filled_fields;
  std::vector<FieldDifference> conflicting_fields;
};

// Moves the person's registrations and marks to `into_id`, fills what the
// kept person lacks (email, phone, position, province, Chinese name,
// organization, gender) and deletes the person (409 when both are
// registered for one workshop). Both are audited.
domain::StatusOr<PersonMerged> MergePerson(storage::WriteTx& tx,
                                           const domain::Principal& by,
                                           std::int64_t id,
                                           std::int64_t into_id);

// Records that two people who look alike are two people: the pair leaves
// the possible duplicates (404 for an unknown person, 422 for the same one).
domain::Status MarkDistinct(storage::WriteTx& tx, const domain::Principal& by,
                            std::int64_t id, std::int64_t other_id);

// The Latin name generated from a Chinese-only name, and the flag that says
// so: `person` as written from `draft` over `before`.
domain::Person WithGeneratedName(domain::Person person,
                                 const domain::Draft<domain::Person>& draft,
                                 const domain::Person& before);

// Replaces the person's name, contacts and position; their registrations and
// marks stay, so every report's totals stay the same. The old values leave
// the database files once the WAL is checkpointed (the caller's next step).
domain::StatusOr<domain::Person> ErasePerson(storage::WriteTx& tx,
                                             const domain::Principal& by,
                                             std::int64_t id);

}  // namespace capdev::services
