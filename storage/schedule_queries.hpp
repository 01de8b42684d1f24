#pragma once
// Scheduling reads: double bookings and the calendar, computed in SQL.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/conflict.hpp"
#include "domain/session.hpp"
#include "domain/workshop.hpp"
#include "storage/database.hpp"

namespace capdev::storage {

// Every clash of the workshop's sessions with other (not cancelled) workshops.
domain::StatusOr<std::vector<domain::Conflict>> ConflictsOf(
    Database& db, std::int64_t workshop_id);

// A clash between two workshops, as a list of them all reports it: once,
// `conflict.workshop_id` the lower id (with `workshop_title`), its venue and
// city those of that workshop, a trainer institution's city the other's.
struct ConflictBetween {
  domain::Conflict conflict;
  std::string workshop_title;
};

// Every clash between (not cancelled) workshops on a day from `from` to
// `to` (no end when null), by date.
domain::StatusOr<std::vector<ConflictBetween>> ConflictsBetween(
    Database& db, domain::Date from, std::optional<domain::Date> to);

struct CalendarFilter {
  domain::Date from;
  domain::Date to;
  std::optional<std::int64_t> project_id;
  std::optional<std::string> city;
};

struct CalendarEntry {
  domain::Session session;
  domain::Workshop workshop;
  std::string project_code;
  std::string project_title;
};

// Sessions in [from, to] with their workshop, by date.
domain::StatusOr<std::vector<CalendarEntry>> CalendarSessions(
    Database& db, const CalendarFilter& filter);

struct CalendarWorkshop {
  domain::Workshop workshop;
  std::string project_code;
  std::string project_title;
};

// Dated workshops overlapping [from, to] (all statuses), by start date.
domain::StatusOr<std::vector<CalendarWorkshop>> CalendarWorkshops(
    Database& db, const CalendarFilter& filter);
domain::StatusOr<std::optional<CalendarWorkshop>> CalendarWorkshopById(
    Database& db, std::int64_t workshop_id);

}  // namespace capdev::storage
