#pragma once
// Recording people (participants, trainers, ...) and erasing their personal
// data on request.

#include "app/services/records.hpp"
#include "domain/person.hpp"

namespace capdev::app {

domain::StatusOr<domain::Person> CreatePerson(
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
domain::StatusOr<domain::Person> ErasePerson(storage::WriteTx& tx,
                                             const domain::Principal& by,
                                             std::int64_t id);

}  // namespace capdev::app
