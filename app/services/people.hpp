#pragma once
// Recording people (participants, trainers, ...) and erasing their personal
// data on request.

#include "app/services/records.hpp"
#include "domain/person.hpp"

namespace capdev::app {

// A new person, and the people who may be the same one (same full name in
// the same organization): created all the same, listed for a human to judge.
struct PersonCreated {
  domain::Person person;
  std::vector<domain::Person> possible_duplicates;
};

// An email belongs to one person (409 naming the one who has it).
domain::StatusOr<PersonCreated> CreatePerson(
    storage::WriteTx& tx, const domain::Principal& by,
    const domain::Draft<domain::Person>& draft);
domain::StatusOr<domain::Person> UpdatePerson(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Person>& draft);
domain::Status DeletePerson(storage::WriteTx& tx, const domain::Principal& by,
                            std::int64_t id);

// Replaces the person's name, contacts and position; their registrations and
// marks stay, so every report's totals stay the same. The old values leave
// the database files once the WAL is checkpointed (the caller's next step).
// Moves the person's registrations and marks to `into_id` and deletes the
// person (409 when both are registered for one workshop). Both are audited.
domain::StatusOr<domain::Person> MergePerson(storage::WriteTx& tx,
                                             const domain::Principal& by,
                                             std::int64_t id,
                                             std::int64_t into_id);

domain::StatusOr<domain::Person> ErasePerson(storage::WriteTx& tx,
                                             const domain::Principal& by,
                                             std::int64_t id);

}  // namespace capdev::app
