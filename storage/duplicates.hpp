#pragma once
// Possible duplicates among people, the pairs a coordinator marked "not the
// same person", and what tells two people apart.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/enums.hpp"
#include "domain/person.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

struct DuplicatePair {
  std::int64_t first = 0;  // the lower id
  std::int64_t second = 0;
  std::vector<domain::DuplicateReason> reasons;
};

// Pairs of people that share a Chinese name or a Latin name (compared as
// search compares them; not when both have Chinese names that differ) in
// the same organization, an email or a phone
// number (digits only, without +86), less the pairs marked distinct; with
// `person_id`, only the pairs that include that person. A value shared by
// more than kMaxGroup people (an office's switchboard) is no sign of one
// person and is left out.
inline constexpr std::size_t kMaxGroup = 8;
domain::StatusOr<std::vector<DuplicatePair>> PossibleDuplicates(
    Database& db, std::optional<std::int64_t> person_id = std::nullopt);

// Records that `a` and `b` are two people (idempotent).
domain::Status MarkDistinct(WriteTx& tx, std::int64_t a, std::int64_t b);

// A person with what tells them apart from another.
struct PersonSummary {
  domain::Person person;
  std::optional<std::string> organization_name;
  std::int64_t workshops = 0;  // registered for
};
domain::StatusOr<std::optional<PersonSummary>> SummaryOf(Database& db,
                                                         std::int64_t id);

// The phone's digits, without a leading +86 / 0086 (for comparing).
std::string PhoneKey(std::string_view phone);

}  // namespace capdev::storage
