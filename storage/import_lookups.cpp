#include "storage/import_lookups.hpp"

#include "storage/engine_errors.hpp"
#include "storage/romanize.hpp"
#include "storage/row_mapping.hpp"
#include "storage/text_key.hpp"

namespace capdev::storage {

namespace {

std::string OrgKey(std::optional<std::int64_t> organization) {
  return organization ? std::to_string(*organization) : "-";
}

}  // namespace

domain::StatusOr<ImportLookups> ImportLookups::Load(
    Database& db, std::int64_t workshop_id,
    const std::vector<std::optional<std::int64_t>>& organizations) {
  return Guarded([&] { return ImportLookups(db, workshop_id, organizations); });
}

ImportLookups::ImportLookups(
    Database& db, std::int64_t workshop_id,
    const std::vector<std::optional<std::int64_t>>& organizations)
    : db_(db) {
  ScopedStatement people(
      db,
      "SELECT id, full_name, native_name FROM people"
      " WHERE organization_id IS NOT DISTINCT FROM ? ORDER BY id");
  for (const auto& org : organizations) {
    people->Reset();
    BindAll(*people, org);
    const std::string prefix = OrgKey(org) + '\x1f';
    while (people->Step()) {
      const auto id = people->Int64(0);
      std::string native;
      if (!people->IsNull(2)) native = CompactKey(people->Text(2));
      if (!native.empty()) by_native_.try_emplace(prefix + native, id);
      by_latin_[prefix + CompactKey(people->Text(1))].push_back({id, native});
    }
  }
  ScopedStatement registrations(
      db, "SELECT person_id, id FROM registrations WHERE workshop_id = ?");
  registrations->Bind(1, workshop_id);
  while (registrations->Step()) {
    registrations_.emplace(registrations->Int64(0), registrations->Int64(1));
  }
}

domain::StatusOr<std::optional<std::int64_t>> ImportLookups::PersonWithEmail(
    const std::string& email) {
  return Guarded([&]() -> std::optional<std::int64_t> {
    ScopedStatement q(db_, "SELECT id FROM people WHERE unique_key = ?");
    BindAll(*q, FoldKey(email));
    if (!q->Step()) return std::nullopt;
    return q->Int64(0);
  });
}

std::vector<std::int64_t> ImportLookups::PeopleNamed(
    const domain::Person& person,
    std::optional<std::int64_t> organization) const {
  const std::string prefix = OrgKey(organization) + '\x1f';
  std::string native;
  if (person.native_name) native = CompactKey(*person.native_name);
  if (!native.empty()) {
    if (auto it = by_native_.find(prefix + native); it != by_native_.end())
      return {it->second};
  }
  std::vector<std::int64_t> out;
  auto it = by_latin_.find(prefix + CompactKey(person.full_name));
  if (it == by_latin_.end()) return out;
  for (const auto& known : it->second) {
    // 王芳 and 汪芳 are both WANG Fang: a Chinese name on both sides decides.
    if (native.empty() || known.native_key.empty()) out.push_back(known.id);
  }
  return out;
}

std::optional<std::int64_t> ImportLookups::RegistrationOf(
    std::int64_t person_id) const {
  auto it = registrations_.find(person_id);
  if (it == registrations_.end()) return std::nullopt;
  return it->second;
}

}  // namespace capdev::storage
