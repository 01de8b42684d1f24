#pragma once
// Day-by-day attendance: one sheet per session, one mark per registered person.

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/enums.hpp"
#include "domain/field.hpp"
#include "domain/session.hpp"
#include "domain/status.hpp"

namespace capdev::domain {

struct AttendanceMark {
  std::int64_t person_id = 0;
  std::optional<Mark> status;
  // Answered with each mark; never taken from a client (the server sets it).
  std::optional<MarkSource> source;
};

template <>
struct Fields<AttendanceMark> {
  using E = AttendanceMark;
  static constexpr auto kAll =
      std::tuple{Field{"person_id", &E::person_id}, Field{"status", &E::status},
                 Field{"source", &E::source, Access::kEcho}};
};

// The sign-in matrix: sessions across, registered people down.
struct MatrixRow {
  std::int64_t person_id = 0;
  std::string full_name;
  std::optional<std::string> native_name;
  // Told apart by it: two people of one name are seldom of one agency.
  std::optional<std::int64_t> organization_id;
  std::optional<std::int64_t> list_order;  // the host list's No.
  RegistrationRole role = RegistrationRole::kParticipant;
  std::vector<std::optional<Mark>> marks;  // one per session; null = no mark
  std::vector<std::optional<MarkSource>> sources;  // who set each mark
};

// People one browser checked in at a session (self check-in): a coordinator
// should look at them.
struct CheckinFlag {
  std::int64_t session_id = 0;
  std::string kind = "same_device";
  std::vector<std::int64_t> person_ids;
};

struct SignInMatrix {
  std::vector<Session> sessions;  // by date, then start time
  // Registered people in the list's order (No.), then by name.
  std::vector<MatrixRow> rows;
  std::vector<CheckinFlag> flags;
};

// A person counts as attending a session when marked present or late.
bool CountsAsAttended(Mark mark);

// A sheet is valid when no person is named twice and every person is
// registered for the workshop. A person named without a status has no mark
// (one set at self check-in included).
Status ValidateSheet(std::span<const AttendanceMark> sheet,
                     const std::set<std::int64_t>& registered_people);

}  // namespace capdev::domain
