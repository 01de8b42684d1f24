#pragma once
// What an import matches a whole participant list against, read once: the
// people of the agencies it names (by Chinese and Latin name), people by
// email, and the workshop's registrations.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/person.hpp"
#include "domain/status.hpp"
#include "storage/database.hpp"

namespace capdev::storage {

class ImportLookups {
 public:
  // `organizations`: the agencies whose people rows may match (nullopt: the
  // people of none).
  static domain::StatusOr<ImportLookups> Load(
      Database& db, std::int64_t workshop_id,
      const std::vector<std::optional<std::int64_t>>& organizations);

  // The person whose email folds to the same key (one indexed query).
  domain::StatusOr<std::optional<std::int64_t>> PersonWithEmail(
      const std::string& email);

  // The people of `organization` a row names: the first (by id) with
  // `person`'s Chinese name, else every one with its Latin name (compared as
  // search compares them) and no other Chinese name. More than one: the row
  // does not say which.
  std::vector<std::int64_t> PeopleNamed(
      const domain::Person& person,
      std::optional<std::int64_t> organization) const;

  std::optional<std::int64_t> RegistrationOf(std::int64_t person_id) const;

 private:
  ImportLookups(Database& db, std::int64_t workshop_id,
                const std::vector<std::optional<std::int64_t>>& organizations);

  struct Known {
    std::int64_t id;
    std::string native_key;  // empty without a Chinese name
  };
  Database& db_;
  std::unordered_map<std::string, std::int64_t> by_native_;
  std::unordered_map<std::string, std::vector<Known>> by_latin_;
  std::unordered_map<std::int64_t, std::int64_t> registrations_;
};

}  // namespace capdev::storage
