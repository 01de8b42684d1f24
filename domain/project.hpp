#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/enums.hpp"
#include "domain/field.hpp"
#include "domain/status.hpp"

namespace capdev::domain {

struct Project {
  std::int64_t id = 0;
  std::string code;  // unique, e.g. CBMM
  std::string title;
  std::optional<std::string> native_title;
  std::optional<std::string> summary;
  std::optional<Date> start_date;
  std::optional<Date> end_date;
  std::optional<std::string> funding_instrument;
  std::optional<std::string> default_currency;  // ISO 4217
};

// One party of a project: a funder, an implementer or a counterpart.
struct ProjectParty {
  std::int64_t organization_id = 0;
  std::optional<ProjectRole> role;
  std::optional<double> amount;  // funder roles only
  std::optional<std::string> currency;
  std::string organization_name;  // for reading
};

template <>
struct Fields<Project> {
  using E = Project;
  static constexpr std::string_view kTable = "projects";
  static constexpr std::string_view kNoun = "project";
  static constexpr std::string_view kUnique = "code";
  static constexpr std::array<std::string_view, 3> kSearch = {"code", "title",
                                                              "native_title"};
  static constexpr auto kAll =
      std::tuple{Field{"code", &E::code},
                 Field{"title", &E::title},
                 Field{"native_title", &E::native_title},
                 Field{"summary", &E::summary},
                 Field{"start_date", &E::start_date},
                 Field{"end_date", &E::end_date},
                 Field{"funding_instrument", &E::funding_instrument},
                 Field{"default_currency", &E::default_currency}};
};

template <>
struct Fields<ProjectParty> {
  using E = ProjectParty;
  static constexpr auto kAll = std::tuple{
      Field{"organization_id", &E::organization_id}, Field{"role", &E::role},
      Field{"amount", &E::amount}, Field{"currency", &E::currency},
      Field{"organization_name", &E::organization_name, Access::kEcho}};
};

bool IsFunderRole(ProjectRole role);
Status Validate(const Project& project);
// Checks each party and that an organization holds each role once; error
// fields are indexed ("[2].amount").
Status ValidateParties(std::span<const ProjectParty> parties);

}  // namespace capdev::domain
