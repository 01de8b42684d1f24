// The parts every report shares: a workshop's figures, a section's workshops
// and totals, and the definitions printed under each report, so a figure
// reads the same in the attendance, funder and summary reports.

#include "app/codec/json_codec.hpp"
#include "app/reports/reports.hpp"

namespace capdev::reports {

namespace {

json::array Strings(const std::vector<std::string>& items) {
  json::array a;
  for (const auto& i : items) a.emplace_back(json::string(i));
  return a;
}

DocCell OptionalCell(const std::optional<std::int64_t>& n) {
  return n ? Cell(*n) : DocCell();
}

}  // namespace

json::object FiguresJson(const domain::WorkshopFigures& f) {
  return {{"sessions", f.sessions},
          {"sessions_held", f.sessions_held},
          {"participants_registered", f.participants_registered},
          {"people_trained", f.people_trained},
          {"participant_days", f.participant_days},
          {"completed", f.completed},
          {"trainers", f.trainers},
          {"attendance_rate", codec::ToJson(f.attendance_rate)},
          {"reported_headcount", codec::ToJson(f.reported_headcount)},
          {"estimated_participant_days",
           codec::ToJson(f.estimated_participant_days)}};
}

json::object TotalsJson(const domain::Totals& t) {
  json::array genders;
  for (const auto& g : t.by_gender) {
    genders.push_back({{"gender", g.key}, {"people_trained", g.count}});
  }
  return {{"workshops", t.workshops},
          {"people_trained", t.people_trained},
          {"participations", t.participations},
          {"participant_days", t.participant_days},
          {"people_completed", t.people_completed},
          {"trainers", t.trainers},
          {"reported_headcount", t.reported_headcount},
          {"participants", t.participants},
          {"estimated_participant_days", t.estimated_participant_days},
          {"attendance_rate", codec::ToJson(t.attendance_rate)},
          {"by_gender", std::move(genders)},
          {"agencies_reached", Strings(t.agencies_reached)},
          {"trainer_institutions", Strings(t.trainer_institutions)}};
}

json::object SectionJson(const domain::Section& s) {
  json::array workshops;
  for (const auto& l : s.workshops) {
    const auto& w = l.workshop;
    json::object o = {
        {"workshop_id", w.id},
        {"project_code", l.project_code},
        {"title", w.title},
        {"kind", codec::ToJson(w.kind)},
        {"city", codec::ToJson(w.city)},
        {"start_date", codec::ToJson(w.start_date)},
        {"end_date", codec::ToJson(w.end_date)},
        {"dates_estimated", w.dates_estimated},
        {"stated_dates", codec::ToJson(w.stated_dates)},
        {"duration_days", codec::ToJson(w.duration_days)},
        {"trainer_institutions", Strings(l.trainer_institutions)},
        {"participating_agencies", Strings(l.participating_agencies)}};
    for (auto& [k, v] : FiguresJson(l.figures)) o[k] = v;
    workshops.push_back(std::move(o));
  }
  return {{"workshops", std::move(workshops)},
          {"totals", TotalsJson(s.totals)}};
}

Table TotalsTable(const std::string& id, const std::string& heading,
                  const domain::Totals& t) {
  const auto count = [](const std::vector<std::string>& v) {
    return Cell(static_cast<std::int64_t>(v.size()));
  };
  Table table{
      id,
      heading,
      {"Measure", "Value"},
      {{"Workshops held", Cell(t.workshops)},
       {"People trained (distinct)", Cell(t.people_trained)},
       {"People trained, summed over workshops", Cell(t.participations)},
       {"Participant-days", Cell(t.participant_days)},
       {"People who completed a workshop", Cell(t.people_completed)},
       {"Attendance rate (mean of workshops)", PercentCell(t.attendance_rate)},
       {"Trainers and other roles attending (distinct)", Cell(t.trainers)},
       {"Reported headcount (no named list)", Cell(t.reported_headcount)},
       {"Participants (trained + reported headcount)", Cell(t.participants)},
       {"Estimated participant-days (reported headcount)",
        Cell(t.estimated_participant_days)},
       {"Agencies reached", count(t.agencies_reached)},
       {"Trainer institutions", count(t.trainer_institutions)}}};
  for (const auto& g : t.by_gender) {
    table.rows.push_back({"People trained: " + g.key, Cell(g.count)});
  }
  for (const auto& n : t.agencies_reached) {
    table.rows.push_back({"Agency reached", n});
  }
  for (const auto& n : t.trainer_institutions) {
    table.rows.push_back({"Trainer institution", n});
  }
  return table;
}

void AddSection(Document& d, const std::string& id, const std::string& heading,
                const std::string& tab, const domain::Section& s,
                bool list_workshops) {
  if (list_workshops) {
    Table workshops{
        id + ".workshops",
        heading,
        {"Workshop", "Project", "Dates", "Start", "End", "City", "Kind",
         "Trainer institutions", "Participating agencies",
         "Participants registered", "People trained", "Participant-days",
         "Completed", "Attendance rate", "Trainers", "Reported headcount",
         "Estimated participant-days"},
        {}};
    for (const auto& l : s.workshops) {
      const auto& w = l.workshop;
      const auto& f = l.figures;
      std::string dates =
          DatesCell(w.start_date, w.end_date, w.dates_estimated);
      if (w.stated_dates) dates += " (source: " + *w.stated_dates + ")";
      workshops.rows.push_back(
          {w.title + " (workshop " + std::to_string(w.id) + ")", l.project_code,
           dates, DateCell(w.start_date), DateCell(w.end_date),
           Cell(w.city, "unknown"), Cell(w.kind), Join(l.trainer_institutions),
           Join(l.participating_agencies), Cell(f.participants_registered),
           Cell(f.people_trained), Cell(f.participant_days), Cell(f.completed),
           PercentCell(f.attendance_rate), Cell(f.trainers),
           OptionalCell(f.reported_headcount),
           OptionalCell(f.estimated_participant_days)});
    }
    workshops.tab = tab;
    d.tables.push_back(std::move(workshops));
  }
  d.tables.push_back(
      TotalsTable(id + ".totals", heading + ": totals", s.totals));
  d.tables.back().tab = tab + ", totals";
}

std::vector<std::string> DefinitionNotes(int completion_threshold) {
  return {
      "Only held workshops count. People trained: participants (role "
      "participant) marked present or late in at least one session, each "
      "person once; trainers, speakers, organizers and observers are counted "
      "apart. Participant-days: present or late marks of participants.",
      "Completed: a participant marked present or late in at least " +
          std::to_string(completion_threshold) +
          "% of the workshop's sessions. Attendance rate: per session, "
          "participants present or late / participants registered; a "
          "workshop's rate is the mean over its sessions held so far, a "
          "period's the mean of its workshops'.",
      "Reported headcount: the headcount recorded for a held workshop "
      "without a named participant list; estimated participant-days: that "
      "headcount times the workshop's length in days. Agencies reached: "
      "organizations of people trained.",
      "Workshops with unknown or estimated dates are listed apart with their "
      "own totals, never mixed into the period's."};
}

}  // namespace capdev::reports
