// The parts every report shares: a workshop's figures, a section's workshops
// and totals, and the definitions printed under each report, so a figure
// reads the same in the attendance, funder and summary reports.

#include "app/codec/json_codec.hpp"
#include "app/reports/reports.hpp"
#include "app/reports/stated_dates.hpp"

namespace capdev::reports {

namespace {

json::array Strings(const std::vector<std::string>& items) {
  json::array a;
  for (const auto& i : items) a.emplace_back(json::string(i));
  return a;
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

Table TotalsTable(const Texts& x, const std::string& id,
                  const std::string& heading, const domain::Totals& t) {
  const auto count = [&](const std::vector<std::string>& v) {
    return x.Count(static_cast<std::int64_t>(v.size()));
  };
  const auto label = [&](Figure f) { return FigureLabel(x, f); };
  Table table{
      id,
      heading,
      {x("report.column.measure"), x("report.column.value")},
      {{label(Figure::kWorkshopsHeld), x.Count(t.workshops)},
       {x("report.totals.people_trained"), x.Count(t.people_trained)},
       {label(Figure::kParticipations), x.Count(t.participations)},
       {label(Figure::kParticipantDays), x.Count(t.participant_days)},
       {label(Figure::kPeopleCompleted), x.Count(t.people_completed)},
       {x("report.totals.attendance_rate"), x.Percent(t.attendance_rate)},
       {x("report.totals.trainers"), x.Count(t.trainers)},
       {x("report.totals.reported_headcount"), x.Count(t.reported_headcount)},
       {label(Figure::kParticipants), x.Count(t.participants)},
       {x("report.totals.estimated_participant_days"),
        x.Count(t.estimated_participant_days)},
       {x("report.totals.agencies_reached"), count(t.agencies_reached)},
       {x("report.totals.trainer_institutions"),
        count(t.trainer_institutions)}}};
  for (const auto& g : t.by_gender) {
    table.rows.push_back(
        {x(domain::Message("report.totals.people_trained_by_gender",
                           {{"gender", x.GenderLabel(g.key)}})),
         x.Count(g.count)});
  }
  for (const auto& n : x.Organizations(t.agencies_reached)) {
    table.rows.push_back({x("report.totals.agency_reached"), n});
  }
  for (const auto& n : x.Organizations(t.trainer_institutions)) {
    table.rows.push_back({x("report.totals.trainer_institution"), n});
  }
  return table;
}

void AddSection(const Texts& x, Document& d, const std::string& id,
                const std::string& heading, const std::string& tab,
                const domain::Section& s, bool list_workshops) {
  if (list_workshops) {
    const auto label = [&](Figure f) { return FigureLabel(x, f); };
    Table workshops{
        id + ".workshops",
        heading,
        {x("report.column.workshop"), x("report.column.project"),
         x("common.dates"), x("report.column.start"), x("report.column.end"),
         x("common.city"), x("common.kind"),
         label(Figure::kTrainerInstitutions),
         x("report.column.participating_agencies"),
         label(Figure::kParticipantsRegistered), label(Figure::kPeopleTrained),
         label(Figure::kParticipantDays), label(Figure::kCompleted),
         label(Figure::kAttendanceRate), x("report.column.trainers"),
         label(Figure::kReportedHeadcount),
         label(Figure::kEstimatedParticipantDays)},
        {}};
    // Workshops listed apart say why: no dates, or estimated ones.
    const bool uncertain = id == "dates_uncertain";
    if (uncertain) workshops.columns.push_back(x("report.column.why_apart"));
    for (const auto& l : s.workshops) {
      const auto& w = l.workshop;
      const auto& f = l.figures;
      std::string dates = x.Dates(w.start_date, w.end_date, w.dates_estimated);
      if (w.stated_dates) {
        dates = x(domain::Message(
            "report.dates_with_source",
            {{"dates", dates},
             {"source", StatedDatesInWords(x, *w.stated_dates)}}));
      }
      workshops.rows.push_back(
          {x(domain::Message(
               "report.workshop_label",
               {{"title", w.title}, {"id", std::to_string(w.id)}})),
           l.project_code, dates, x.Date(w.start_date), x.Date(w.end_date),
           w.city && !w.city->empty() ? *w.city : x("common.unknown"),
           x.Label(w.kind), x.Join(x.Organizations(l.trainer_institutions)),
           x.Join(x.Organizations(l.participating_agencies)),
           x.Count(f.participants_registered), x.Count(f.people_trained),
           x.Count(f.participant_days), x.Count(f.completed),
           x.Percent(f.attendance_rate), x.Count(f.trainers),
           x.Count(f.reported_headcount),
           x.Count(f.estimated_participant_days)});
      if (uncertain) {
        workshops.rows.back().emplace_back(
            w.start_date
                ? x(domain::Message(
                      "report.uncertain.why_estimated",
                      {{"dates", x.Dates(w.start_date, w.end_date, false)}}))
                : x("report.uncertain.why_unknown"));
      }
    }
    workshops.tab = tab;
    d.tables.push_back(std::move(workshops));
  }
  d.tables.push_back(TotalsTable(
      x, id + ".totals",
      x(domain::Message("report.totals_heading", {{"heading", heading}})),
      s.totals));
  d.tables.back().tab = x(domain::Message("report.totals_tab", {{"tab", tab}}));
}

void AddDefinitions(const Texts& x, Document& d, int completion_threshold) {
  d.notes.push_back(x("report.note.held_only"));
  d.definitions = Definitions(
      x,
      {Figure::kPeopleTrained, Figure::kParticipations,
       Figure::kParticipantDays, Figure::kCompleted, Figure::kAttendanceRate,
       Figure::kTrainers, Figure::kReportedHeadcount,
       Figure::kEstimatedParticipantDays, Figure::kParticipants,
       Figure::kAgenciesReached, Figure::kTrainerInstitutions,
       Figure::kDatesUncertain},
      completion_threshold);
}

}  // namespace capdev::reports
