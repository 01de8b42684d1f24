#pragma once
// The names of the organizations a report lists, with each one's place in
// the order reports list names (domain::NameLess, as the column's NOCASE):
// a list is sorted by place, without comparing or copying text until the
// names are written out. Internal to storage/ (the reports' figures): it
// throws the engine's exceptions, which the report queries guard.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/database.hpp"
#include "storage/id_set.hpp"

namespace capdev::storage {

class OrganizationNames {
 public:
  explicit OrganizationNames(Database& db);  // every organization, once

  // The names of `ids` in name order, each once.
  std::vector<std::string> Sorted(std::vector<std::int64_t> ids) const;
  std::vector<std::string> Sorted(const IdSet& ids) const;

 private:
  std::unordered_map<std::int64_t, std::uint32_t> place_;  // by id
  std::vector<std::string> names_;                         // by place
};

}  // namespace capdev::storage
