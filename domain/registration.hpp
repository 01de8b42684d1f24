#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/enums.hpp"
#include "domain/field.hpp"
#include "domain/status.hpp"

namespace capdev::domain {

// A person's place in a workshop; at most one per person and workshop.
struct Registration {
  std::int64_t id = 0;
  std::int64_t workshop_id = 0;
  std::int64_t person_id = 0;
  RegistrationRole role = RegistrationRole::kParticipant;
  RegistrationStatus status = RegistrationStatus::kRegistered;
  // The person's number on the host's list (序号/No.): the sign-in grid and
  // sheets follow it.
  std::optional<std::int64_t> list_order;
};

template <>
struct Fields<Registration> {
  using E = Registration;
  static constexpr std::string_view kTable = "registrations";
  static constexpr std::string_view kNoun = "registration";
  static constexpr auto kAll = std::tuple{
      Field{"workshop_id", &E::workshop_id, Access::kServer},
      Field{"person_id", &E::person_id}, Field{"role", &E::role},
      Field{"status", &E::status}, Field{"list_order", &E::list_order}};
};

Status Validate(const Registration& registration);

}  // namespace capdev::domain
