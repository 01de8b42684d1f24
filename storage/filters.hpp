#pragma once
// The list filters of each resource (API.md "Filters"). Every field maps to
// a fixed SQL fragment in filters.cpp: user input is only ever bound.

#include <cstdint>
#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/project.hpp"
#include "domain/registration.hpp"
#include "domain/session.hpp"
#include "domain/workshop.hpp"

namespace capdev::storage {

struct OrganizationFilter {
  std::optional<std::string> kind;
  std::optional<std::string> q;  // substring of any name
};

struct ProjectFilter {
  std::optional<std::string> q;  // substring of code or titles
};

struct WorkshopFilter {
  std::optional<std::int64_t> project_id;
  std::optional<std::string> status;
  std::optional<std::string> kind;
  std::optional<std::string> city;
  std::optional<std::int64_t> organization_id;  // in any role
  std::optional<domain::Date> from;  // workshops whose dates overlap [from, to]
  std::optional<domain::Date> to;
};

struct SessionFilter {
  std::int64_t workshop_id = 0;
};

struct PersonFilter {
  std::optional<std::int64_t> organization_id;
  std::optional<std::string> q;
};

struct RegistrationFilter {
  std::int64_t workshop_id = 0;
  std::optional<std::string> role;
  std::optional<std::string> status;
  std::optional<std::int64_t> person_id;
};

template <class E>
struct FilterOf;
template <>
struct FilterOf<domain::Organization> {
  using type = OrganizationFilter;
};
template <>
struct FilterOf<domain::Project> {
  using type = ProjectFilter;
};
template <>
struct FilterOf<domain::Workshop> {
  using type = WorkshopFilter;
};
template <>
struct FilterOf<domain::Session> {
  using type = SessionFilter;
};
template <>
struct FilterOf<domain::Person> {
  using type = PersonFilter;
};
template <>
struct FilterOf<domain::Registration> {
  using type = RegistrationFilter;
};

}  // namespace capdev::storage
