#include "domain/organization.hpp"

#include <algorithm>

#include "domain/validation.hpp"

namespace capdev::domain {

Status Validate(const Organization& org) {
  Errors e;
  e.Required("name", org.name);
  e.MaxLength("name", org.name, kMaxName);
  e.MaxLength("short_name", org.short_name, kMaxShort);
  e.MaxLength("native_name", org.native_name, kMaxName);
  e.NameList("aliases", org.aliases, 50, Term{"error.noun.names"});
  e.Required("kind", org.kind);
  e.UpperLetters("country", org.country, 2);
  e.Positive("parent_id", org.parent_id);
  if (org.id != 0 && org.parent_id == org.id)
    e.Add("parent_id", kInvalid, "error.parent_is_same_organization");
  e.MaxLength("iati_ref", org.iati_ref, kMaxShort);
  return e.ToStatus();
}

std::vector<std::string> AllNames(const Organization& org) {
  std::vector<std::string> names;
  const auto add = [&](const std::string& name) {
    if (!name.empty()) names.push_back(name);
  };
  add(org.name);
  if (org.short_name) add(*org.short_name);
  if (org.native_name) add(*org.native_name);
  for (const auto& alias : org.aliases) add(alias);
  return names;
}

bool NameLess(std::string_view a, std::string_view b) {
  const auto fold = [](unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A'))
                                : c;
  };
  return std::lexicographical_compare(
      a.begin(), a.end(), b.begin(), b.end(),
      [&](char x, char y) { return fold(x) < fold(y); });
}

}  // namespace capdev::domain
