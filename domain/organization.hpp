#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/enums.hpp"
#include "domain/field.hpp"
#include "domain/status.hpp"

namespace capdev::domain {

struct Organization {
  std::int64_t id = 0;
  std::string name;  // unique, case-insensitive
  std::optional<std::string> short_name;
  std::optional<std::string> native_name;
  // Other names it is known by: a Chinese name, a short form, a former name,
  // a host list's spelling. Every name of every organization is unique.
  std::vector<std::string> aliases;
  std::optional<OrganizationKind> kind;
  std::optional<std::string> country;  // ISO 3166-1 alpha-2
  std::optional<std::int64_t>
      parent_id;  // a bureau inside a ministry, a unit inside IOM
  std::optional<std::string> iati_ref;
};

template <>
struct Fields<Organization> {
  using E = Organization;
  static constexpr std::string_view kTable = "organizations";
  static constexpr std::string_view kNoun = "organization";
  static constexpr std::string_view kUnique = "name";
  static constexpr std::array<std::string_view, 4> kSearch = {
      "name", "short_name", "native_name", "aliases"};
  static constexpr auto kAll = std::tuple{Field{"name", &E::name},
                                          Field{"short_name", &E::short_name},
                                          Field{"native_name", &E::native_name},
                                          Field{"aliases", &E::aliases},
                                          Field{"kind", &E::kind},
                                          Field{"country", &E::country},
                                          Field{"parent_id", &E::parent_id},
                                          Field{"iati_ref", &E::iati_ref}};
};

Status Validate(const Organization& org);

// Every name the organization is known by (name, short name, native name,
// aliases), in that order, empty ones left out.
std::vector<std::string> AllNames(const Organization& org);

// The order organization names are listed in, as the database compares them
// (organizations.name is COLLATE NOCASE, so no two differ only in case): ASCII
// letters without case, every other byte as it is.
bool NameLess(std::string_view a, std::string_view b);

}  // namespace capdev::domain
