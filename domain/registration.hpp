#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/field.hpp"
#include "domain/status.hpp"

namespace capdev::domain {

inline constexpr std::array<std::string_view, 5> kRegistrationRoles = {
    "participant", "trainer", "speaker", "organizer", "observer"};
inline constexpr std::array<std::string_view, 5> kRegistrationStatuses = {
    "invited", "registered", "attended", "no_show", "cancelled"};

// A person's place in a workshop; at most one per person and workshop.
struct Registration {
  std::int64_t id = 0;
  std::int64_t workshop_id = 0;
  std::int64_t person_id = 0;
  std::string role = "participant";
  std::string status = "registered";
};

template <>
struct Fields<Registration> {
  using E = Registration;
  static constexpr std::string_view kTable = "registrations";
  static constexpr std::string_view kNoun = "registration";  // in messages, the audit trail
  static constexpr auto kAll =
      std::tuple{Field{"workshop_id", &E::workshop_id, false},
                 Field{"person_id", &E::person_id}, Field{"role", &E::role},
                 Field{"status", &E::status}};
};

Status Validate(const Registration& registration);

}  // namespace capdev::domain
