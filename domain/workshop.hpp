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

// Longest workshop capdev accepts: it bounds the default sessions (one a day).
inline constexpr int kMaxWorkshopDays = 366;
inline constexpr std::size_t kMaxTopics = 50;

struct Workshop {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string title;
  std::optional<std::string> native_title;  // in Chinese
  std::optional<WorkshopKind> kind;
  std::optional<std::string> summary;
  std::vector<std::string> topics;
  std::optional<WorkshopStatus> status;
  std::optional<Date> start_date;
  std::optional<Date> end_date;
  bool dates_estimated = false;
  std::optional<std::string> city;
  std::optional<std::string> province;
  std::optional<std::string> country;
  std::optional<std::string> venue;
  std::optional<std::int64_t> capacity;
  // A headcount reported without a named list (historical records).
  std::optional<std::int64_t> reported_participants;
  std::optional<std::string> notes;
  // Where the record comes from: a citation a reader can follow.
  std::optional<std::string> source;
  // The length a source states for a record whose dates are unknown.
  std::optional<std::int64_t> duration_days;
  // The dates exactly as far as the source states them (EDTF).
  std::optional<std::string> stated_dates;
  // Percent of the sessions a participant attends to complete it (its
  // certificate of completion); null: domain::kDefaultCompletionThreshold.
  std::optional<std::int64_t> completion_threshold;
};

// An institution's part in a workshop (trainer, host, sent participants...).
struct WorkshopParty {
  std::int64_t organization_id = 0;
  std::optional<WorkshopRole> role;
  std::string organization_name;  // for reading
};

template <>
struct Fields<Workshop> {
  using E = Workshop;
  static constexpr std::string_view kTable = "workshops";
  static constexpr std::string_view kNoun = "workshop";
  static constexpr std::array<std::string_view, 5> kSearch = {
      "title", "city", "venue", "stated_dates", "native_title"};
  // Compared as places (storage's PlaceKey, kept in venue_key and city_key):
  // "Room  B" and "room b" are one venue when double bookings are looked for.
  static constexpr std::array<std::string_view, 2> kPlaces = {"venue", "city"};
  static constexpr auto kAll =
      std::tuple{Field{"project_id", &E::project_id},
                 Field{"title", &E::title},
                 Field{"native_title", &E::native_title},
                 Field{"kind", &E::kind},
                 Field{"summary", &E::summary},
                 Field{"topics", &E::topics},
                 Field{"status", &E::status},
                 Field{"start_date", &E::start_date},
                 Field{"end_date", &E::end_date},
                 Field{"dates_estimated", &E::dates_estimated},
                 Field{"city", &E::city},
                 Field{"province", &E::province},
                 Field{"country", &E::country},
                 Field{"venue", &E::venue},
                 Field{"capacity", &E::capacity},
                 Field{"reported_participants", &E::reported_participants},
                 Field{"notes", &E::notes},
                 Field{"source", &E::source},
                 Field{"duration_days", &E::duration_days},
                 Field{"stated_dates", &E::stated_dates},
                 Field{"completion_threshold", &E::completion_threshold}};
};

template <>
struct Fields<WorkshopParty> {
  using E = WorkshopParty;
  static constexpr auto kAll = std::tuple{
      Field{"organization_id", &E::organization_id}, Field{"role", &E::role},
      Field{"organization_name", &E::organization_name, Access::kEcho}};
};

Status Validate(const Workshop& workshop);
Status ValidateParties(std::span<const WorkshopParty> parties);

// The lifecycle: planned -> confirmed -> held; planned or confirmed ->
// cancelled; confirmed may go back to planned. Anything else is a 409.
Status CheckTransition(WorkshopStatus from, WorkshopStatus to);

// Days the workshop lasted: its dates, else the duration a source states.
std::optional<std::int64_t> LengthInDays(const Workshop& workshop);

// A held workshop has taken place: it cannot start after `today` (409).
Status CheckHeldHasStarted(const Workshop& workshop, Date today);

// The statuses the workshop may move to on `today`: those CheckTransition
// allows, less held for one that has not started (CheckHeldHasStarted).
std::vector<WorkshopStatus> AllowedTransitions(const Workshop& workshop,
                                               Date today);

// Attendance is taken only once a workshop is confirmed or held.
bool TakesAttendance(WorkshopStatus status);

// One date per calendar day from start to end, both included.
std::vector<Date> DaysOf(Date start, Date end);

}  // namespace capdev::domain
