#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/date.hpp"
#include "domain/field.hpp"
#include "domain/status.hpp"

namespace capdev::domain {

struct Workshop;

// One day (or part of a day) of a workshop: one attendance sheet each.
struct Session {
  std::int64_t id = 0;
  std::int64_t workshop_id = 0;
  std::optional<Date> date;
  std::optional<std::string> start_time;  // HH:MM
  std::optional<std::string> end_time;
  std::optional<std::string> title;
};

template <>
struct Fields<Session> {
  using E = Session;
  static constexpr std::string_view kTable = "sessions";
  static constexpr std::string_view kNoun = "session";
  static constexpr auto kAll =
      std::tuple{Field{"workshop_id", &E::workshop_id, Access::kServer},
                 Field{"date", &E::date}, Field{"start_time", &E::start_time},
                 Field{"end_time", &E::end_time}, Field{"title", &E::title}};
};

// A session needs a date inside its workshop's dates (when they are known).
Status Validate(const Session& session, const Workshop& workshop);

}  // namespace capdev::domain
