#pragma once
// Queries about people beyond their own record: who else has an email, who
// may be the same person, and merging two records of one person.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/person.hpp"
#include "domain/workshop.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

// The person whose email folds to the same key, other than `except`.
domain::StatusOr<std::optional<domain::Person>> PersonWithEmail(
    Database& db, const std::string& email, std::int64_t except = 0);

// The first person with this full name (folded) in this organization (or
// in none).
domain::StatusOr<std::optional<domain::Person>> PersonNamed(
    Database& db, const std::string& full_name,
    std::optional<std::int64_t> organization_id);

// The organization whose name folds to the same key as `name`.
domain::StatusOr<std::optional<std::int64_t>> OrganizationNamed(
    Database& db, const std::string& name);

// Other people with the same full name (folded) in the same organization.
domain::StatusOr<std::vector<domain::Person>> SameNameAndOrganization(
    Database& db, const domain::Person& person);

// Workshops both people are registered for.
domain::StatusOr<std::vector<std::int64_t>> SharedWorkshops(Database& db,
                                                            std::int64_t a,
                                                            std::int64_t b);

// One line of a person's training record.
struct TrainingEntry {
  domain::Workshop workshop;
  std::int64_t registration_id = 0;
  domain::RegistrationRole role = domain::RegistrationRole::kParticipant;
  domain::RegistrationStatus status = domain::RegistrationStatus::kRegistered;
  std::int64_t sessions = 0;       // of the workshop
  std::int64_t days_attended = 0;  // marked present or late
};

// The workshops a person is registered for, newest first.
domain::StatusOr<std::vector<TrainingEntry>> TrainingRecord(
    Database& db, std::int64_t person_id);

// Moves `from`'s registrations, marks and "not the same person" pairs to
// `into` and deletes `from`. The caller has checked that they share no
// workshop.
domain::Status MovePersonRecords(WriteTx& tx, std::int64_t from,
                                 std::int64_t into);

}  // namespace capdev::storage
