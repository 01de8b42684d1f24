#pragma once
// The figures of capdev's reports and what each one means (API.md,
// "Reports"). Every report — attendance, funder, programme summary, results —
// counts with these definitions; storage/figures.cpp is the one place that
// computes them, and the README repeats them.
//
// - counted workshops: `held` ones only. A held workshop whose exact dates
//   overlap the period is "in the period"; one with unknown dates, or with
//   estimated dates overlapping the period, is listed apart ("dates
//   uncertain") with its own totals, never dropped or mixed in.
// - participants registered: registrations with role `participant` whose
//   status is not `cancelled`.
// - people trained: participants marked present or late (CountsAsAttended)
//   in at least one session. Over several workshops each person counts once;
//   `participations` counts them once per workshop.
// - trainers: people registered in any other role (trainer, speaker,
//   organizer, observer) marked present or late: counted apart, never as
//   people trained.
// - participant-days: present or late marks of participants.
// - completion: a participant marked present or late in at least
//   `completion_threshold` percent (default 80) of the workshop's sessions.
// - attendance rate of a session: its participants marked present or late ÷
//   participants registered; none for a session dated after today. A
//   workshop's rate is the mean over its sessions dated up to today; a set of
//   workshops' rate is the mean of theirs.
// - reported headcount: `reported_participants` of a held workshop with no
//   participant registered (historical records); estimated participant-days:
//   that headcount × the workshop's length (LengthInDays). Both are shown
//   apart from the counted figures; `participants` = participations +
//   reported headcount.
// - agencies reached: organizations of people trained (never an institution
//   whose staff only train). Trainer institutions: organizations holding the
//   `trainer` role in the workshops.
// - a funder's projects: those in which it, or an organization below it
//   (`parent_id`), is `lead_funder` or `co_funder`.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/attendance.hpp"
#include "domain/date.hpp"
#include "domain/enums.hpp"
#include "domain/results.hpp"
#include "domain/workshop.hpp"

namespace capdev::domain {

inline constexpr int kDefaultCompletionThreshold = 80;  // percent of sessions

// Only participants are trained; every other role is counted apart.
bool CountsAsTrained(RegistrationRole role);

// `days` of `sessions` reach `threshold` percent (no sessions: nobody does).
bool Completed(std::int64_t days, std::int64_t sessions, int threshold);

// participant-days ÷ (sessions × participants registered): the mean of the
// sessions' rates, each with the same denominator. Null without either.
std::optional<double> AttendanceRate(std::int64_t participant_days,
                                     std::int64_t sessions,
                                     std::int64_t registered);

// Organizations' Chinese names by their name, for the organizations that
// have one: a report in Chinese names them so (its JSON never changes).
using NativeNames = std::map<std::string, std::string, std::less<>>;

// The period a report covers and how it counts.
struct ReportOptions {
  Date from;
  Date to;
  int completion_threshold = kDefaultCompletionThreshold;
  Date today;  // sessions after it have not happened yet
};

// The figures of one workshop (participants only, unless named otherwise).
struct WorkshopFigures {
  std::int64_t sessions = 0;       // all of its sessions
  std::int64_t sessions_held = 0;  // dated up to today
  std::int64_t participants_registered = 0;
  std::int64_t people_trained = 0;
  std::int64_t participant_days = 0;
  std::int64_t completed = 0;
  std::int64_t trainers = 0;
  std::optional<double> attendance_rate;
  std::optional<std::int64_t> reported_headcount;
  std::optional<std::int64_t> estimated_participant_days;
};

// Sets the rate, the headcount and its estimated days from the counts.
void Complete(WorkshopFigures& figures, const Workshop& workshop);

struct Count {
  std::string key;
  std::int64_t count = 0;
};

// A held workshop as the funder report and the summary list it. A line a
// report only counts (storage::InPeriod::kCounted) has its figures but no
// trainer institutions or agencies; its section's totals name them.
struct WorkshopLine {
  Workshop workshop;
  std::string project_code;
  WorkshopFigures figures;
  std::vector<std::string> trainer_institutions;
  std::vector<std::string> participating_agencies;  // recorded, and those of
                                                    // its people trained
};

struct Totals {
  std::int64_t workshops = 0;
  std::int64_t people_trained = 0;  // distinct people
  std::int64_t participations = 0;  // people trained, summed over workshops
  std::int64_t participant_days = 0;
  std::int64_t people_completed = 0;  // distinct, at least one workshop
  std::int64_t trainers = 0;          // distinct people
  std::int64_t reported_headcount = 0;
  std::int64_t participants = 0;  // participations + reported headcount
  std::int64_t estimated_participant_days = 0;
  std::optional<double> attendance_rate;  // mean of the workshops' rates
  std::vector<Count> by_gender;           // distinct people trained
  std::vector<std::string> agencies_reached;
  std::vector<std::string> trainer_institutions;
};

// The sums of the lines' figures (the distinct counts, and the names of the
// trainer institutions and agencies, need the database).
void AddUp(const std::vector<WorkshopLine>& lines, Totals& totals);

struct Section {
  std::vector<WorkshopLine> workshops;
  Totals totals;
};

// A person trained in the selected workshops (the evidence behind a figure).
struct PersonFigures {
  std::int64_t person_id = 0;
  std::string full_name;
  std::optional<std::string> native_name;
  Gender gender = Gender::kUndisclosed;
  std::optional<std::string> organization;
  std::optional<std::string> province;
  std::int64_t workshops = 0;  // attended: present or late at least once
  std::int64_t participant_days = 0;
  std::int64_t completed = 0;  // workshops completed
};

// What an indicator counted from attendance reads from a set's totals
// (female_share: percent of people trained; null without anyone trained).
std::optional<double> MeasureOf(const Totals& totals, Measure measure);

// ---- attendance report (one workshop, whatever its status) ----------------

struct SessionFigures {
  std::int64_t session_id = 0;
  Date date;
  std::optional<std::string> title;
  // Participants' marks; `unmarked`: participants registered without one.
  std::int64_t present = 0;
  std::int64_t late = 0;
  std::int64_t excused = 0;
  std::int64_t absent = 0;
  std::int64_t unmarked = 0;
  std::int64_t trainers_present = 0;  // other roles, present or late
  std::optional<double> attendance_rate;
};

// Participants of one organization, gender or province.
struct GroupFigures {
  std::optional<std::string> key;  // null = not recorded
  std::optional<std::string> label;
  std::int64_t registered = 0;
  std::int64_t people_trained = 0;
  std::int64_t participant_days = 0;
  std::int64_t completed = 0;
};

struct RoleFigures {
  RegistrationRole role = RegistrationRole::kParticipant;
  std::int64_t registered = 0;
  std::int64_t attended = 0;  // marked present or late at least once
};

struct AttendanceReport {
  Workshop workshop;
  int completion_threshold = kDefaultCompletionThreshold;
  WorkshopFigures figures;
  std::vector<SessionFigures> sessions;
  std::vector<RoleFigures> by_role;
  std::vector<GroupFigures> by_organization;
  std::vector<GroupFigures> by_gender;
  std::vector<GroupFigures> by_province;
  SignInMatrix matrix;
  NativeNames native_names;
};

// ---- funder report
// ------------------------------------------------------------

struct FundedProject {
  std::int64_t project_id = 0;
  std::string code;
  std::string title;
  std::optional<std::string> native_title;  // the project's Chinese title
  std::int64_t funder_id = 0;               // the organization holding the role
  std::string funder_name;
  ProjectRole role = ProjectRole::kLeadFunder;
  std::optional<double> amount;
  std::optional<std::string> currency;
};

struct FunderReport {
  std::int64_t organization_id = 0;
  std::string organization_name;
  bool include_children = true;
  ReportOptions options;
  std::vector<FundedProject> projects;
  Section in_period;
  Section dates_uncertain;
  std::vector<ResultsReport> results;  // of the funded projects that have any
  NativeNames native_names;
};

// ---- programme summary ------------------------------------------------------

// Workshops, people trained (participations) and participant-days of one
// project, kind, city or month.
struct Breakdown {
  std::string key;
  std::int64_t workshops = 0;
  std::int64_t participations = 0;
  std::int64_t participant_days = 0;
};

struct SummaryReport {
  ReportOptions options;
  std::optional<std::int64_t> project_id;
  Section in_period;        // its workshop list is not shown, only counted
  Section dates_uncertain;  // listed
  std::vector<Breakdown> by_project;
  std::vector<Breakdown> by_kind;
  std::vector<Breakdown> by_city;
  std::vector<Breakdown> by_month;  // YYYY-MM of each session
  std::int64_t not_yet_held = 0;    // planned or confirmed, in the period
  NativeNames native_names;
};

// Groups the lines by the text `key` gives each (sorted by that text).
std::vector<Breakdown> BreakDown(
    const std::vector<WorkshopLine>& lines,
    const std::function<std::string(const WorkshopLine&)>& key);

}  // namespace capdev::domain
