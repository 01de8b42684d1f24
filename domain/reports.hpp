#pragma once
// The figures of capdev's reports, and what each one means. These
// definitions are the ones the README repeats and the SQL in
// storage/report_queries.cpp computes; change them here first.
//
// - registered: people with a registration for the workshop whose status is
//   not `cancelled` (any role: participants, trainers, speakers, ...).
// - attended: registered people marked `present` or `late` in at least one
//   session of the workshop.
// - attendance rate: attended / registered (null when nobody is registered).
// - participant-days: the number of `present` or `late` marks (one person
//   attending three sessions counts three).
// - unmarked (per session): registered people with no mark on that sheet.
// - named attendees (funder and summary reports): attended people summed over
//   workshops, i.e. participations; `unique_named_attendees` counts each
//   person once across the workshops.
// - reported headcount: `reported_participants` of the workshops that have no
//   named attendee, so that no workshop is counted twice; participants =
//   named attendees + reported headcount.
// - a funder's workshops: `held` workshops of the projects in which the
//   organization is `lead_funder` or `co_funder`. Those with known, exact
//   dates overlapping the period are "in the period"; those with unknown
//   dates, or estimated dates overlapping the period, are listed apart with
//   their own totals, never silently dropped or mixed in.
// - agencies reached: organizations with the `participating` role in the
//   workshops, together with the organizations of their named attendees.
// - trainer institutions engaged: organizations with the `trainer` role.
// - the programme summary counts every workshop whose recorded dates overlap
//   the period (estimated dates included, cancelled workshops left out),
//   named attendees wherever attendance was taken (confirmed or held), and
//   reported headcounts of held workshops only; held workshops without
//   dates are counted apart.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/attendance.hpp"
#include "domain/date.hpp"
#include "domain/workshop.hpp"

namespace capdev::domain {

struct MarkCounts {
  std::int64_t present = 0;
  std::int64_t late = 0;
  std::int64_t excused = 0;
  std::int64_t absent = 0;
  std::int64_t unmarked = 0;
};

struct SessionFigures {
  std::int64_t session_id = 0;
  Date date;
  std::optional<std::string> title;
  MarkCounts marks;
};

// Registered / attended / participant-days for one group of people.
struct GroupFigures {
  std::optional<std::string>
      key;  // organization id, gender or province; null = not recorded
  std::optional<std::string> label;  // e.g. the organization's name
  std::int64_t registered = 0;
  std::int64_t attended = 0;
  std::int64_t participant_days = 0;
};

struct AttendanceReport {
  Workshop workshop;
  GroupFigures totals;
  std::vector<SessionFigures> sessions;
  std::vector<GroupFigures> by_organization;
  std::vector<GroupFigures> by_gender;
  std::vector<GroupFigures> by_province;
  SignInMatrix matrix;
};

std::optional<double> AttendanceRate(const GroupFigures& figures);

struct FundedProject {
  std::int64_t project_id = 0;
  std::string code;
  std::string title;
  std::string role;
  std::optional<double> amount;
  std::optional<std::string> currency;
};

struct FundedWorkshop {
  std::int64_t workshop_id = 0;
  std::string project_code;
  std::string title;
  std::string kind;
  std::optional<std::string> city;
  std::optional<Date> start_date;
  std::optional<Date> end_date;
  bool dates_estimated = false;
  std::int64_t named_attendees = 0;
  std::optional<std::int64_t> reported_participants;
  std::int64_t participant_days = 0;
  std::vector<std::string> trainer_institutions;
  std::vector<std::string> participating_agencies;
};

struct Count {
  std::string key;
  std::int64_t count = 0;
};

struct FunderTotals {
  std::int64_t workshops = 0;
  std::int64_t named_attendees = 0;
  std::int64_t unique_named_attendees = 0;
  std::int64_t reported_headcount = 0;
  std::int64_t participants = 0;  // named_attendees + reported_headcount
  std::int64_t participant_days = 0;
  std::vector<Count> by_gender;  // named attendees (participations)
  std::vector<std::string> trainer_institutions;
  std::vector<std::string> agencies_reached;
};

struct FunderSection {
  std::vector<FundedWorkshop> workshops;
  FunderTotals totals;
};

struct FunderReport {
  std::int64_t organization_id = 0;
  std::string organization_name;
  Date from;
  Date to;
  std::vector<FundedProject> projects;
  FunderSection in_period;        // exact dates overlapping [from, to]
  FunderSection dates_uncertain;  // unknown dates, or estimated dates
                                  // overlapping [from, to]
};

// Workshops whose dates overlap the period, cancelled ones left out.
struct SummaryReport {
  Date from;
  Date to;
  std::int64_t workshops = 0;
  std::vector<Count> by_project;
  std::vector<Count> by_kind;
  std::vector<Count> by_city;
  std::vector<Count> by_month;  // YYYY-MM of the start date
  std::vector<Count> by_status;
  std::int64_t named_attendees = 0;
  std::int64_t reported_headcount = 0;
  std::int64_t participants = 0;
  std::int64_t participant_days = 0;
  std::int64_t undated_held_workshops = 0;  // not placed in any period
};

}  // namespace capdev::domain
