#include "storage/organization_names.hpp"

#include <algorithm>
#include <utility>

#include "domain/organization.hpp"

namespace capdev::storage {

OrganizationNames::OrganizationNames(Database& db) {
  std::vector<std::pair<std::string, std::int64_t>> all;
  ScopedStatement q(db, "SELECT name, id FROM organizations");
  while (q->Step()) {
    all.emplace_back(q->Text(0), q->Int64(1));
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return domain::NameLess(a.first, b.first);
  });
  names_.reserve(all.size());
  place_.reserve(all.size());
  for (auto& [name, id] : all) {
    place_.emplace(id, static_cast<std::uint32_t>(names_.size()));
    names_.push_back(std::move(name));
  }
}

std::vector<std::string> OrganizationNames::Sorted(
    std::vector<std::int64_t> ids) const {
  // An id with no organization is a broken invariant: .at() throws.
  for (auto& id : ids) id = place_.at(id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (auto place : ids) out.push_back(names_[static_cast<std::size_t>(place)]);
  return out;
}

std::vector<std::string> OrganizationNames::Sorted(const IdSet& ids) const {
  std::vector<std::int64_t> list;
  list.reserve(static_cast<std::size_t>(ids.size()));
  ids.ForEach([&](std::int64_t id) { list.push_back(id); });
  return Sorted(std::move(list));
}

}  // namespace capdev::storage
