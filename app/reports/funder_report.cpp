#include "app/http/json_codec.hpp"
#include "app/reports/reports.hpp"

namespace capdev::app {

namespace {

json::array Strings(const std::vector<std::string>& items) {
  json::array a;
  for (const auto& i : items) a.emplace_back(json::string(i));
  return a;
}

json::array CountsJson(const std::vector<domain::Count>& counts,
                       const char* key) {
  json::array a;
  for (const auto& c : counts) a.push_back({{key, c.key}, {"count", c.count}});
  return a;
}

json::object SectionJson(const domain::FunderSection& s) {
  json::array workshops;
  for (const auto& w : s.workshops) {
    workshops.push_back(
        {{"workshop_id", w.workshop_id},
         {"project_code", w.project_code},
         {"title", w.title},
         {"kind", w.kind},
         {"city", ToJson(w.city)},
         {"start_date", ToJson(w.start_date)},
         {"end_date", ToJson(w.end_date)},
         {"dates_estimated", w.dates_estimated},
         {"named_attendees", w.named_attendees},
         {"reported_participants", ToJson(w.reported_participants)},
         {"participant_days", w.participant_days},
         {"trainer_institutions", Strings(w.trainer_institutions)},
         {"participating_agencies", Strings(w.participating_agencies)}});
  }
  const auto& t = s.totals;
  return {{"workshops", std::move(workshops)},
          {"totals",
           {{"workshops", t.workshops},
            {"participants",
             {{"named_attendees", t.named_attendees},
              {"unique_named_attendees", t.unique_named_attendees},
              {"reported_headcount", t.reported_headcount},
              {"total", t.participants}}},
            {"participant_days", t.participant_days},
            {"by_gender", CountsJson(t.by_gender, "gender")},
            {"trainer_institutions", Strings(t.trainer_institutions)},
            {"agencies_reached", Strings(t.agencies_reached)}}}};
}

void AddSection(Document& d, const std::string& id, const std::string& heading,
                const domain::FunderSection& s) {
  Table workshops{id + ".workshops",
                  heading,
                  {"Workshop", "Project", "Dates", "City", "Kind",
                   "Trainer institutions", "Participating agencies",
                   "Named attendees", "Reported headcount", "Participant-days"},
                  {}};
  for (const auto& w : s.workshops) {
    workshops.rows.push_back(
        {w.title + " (workshop " + std::to_string(w.workshop_id) + ")",
         w.project_code, DatesCell(w.start_date, w.end_date, w.dates_estimated),
         Cell(w.city, "unknown"), w.kind, Join(w.trainer_institutions),
         Join(w.participating_agencies), Cell(w.named_attendees),
         w.reported_participants ? Cell(*w.reported_participants) : "",
         Cell(w.participant_days)});
  }
  d.tables.push_back(std::move(workshops));
  const auto& t = s.totals;
  Table totals{
      id + ".totals",
      heading + ": totals",
      {"Measure", "Value"},
      {{"Workshops", Cell(t.workshops)},
       {"Named attendees", Cell(t.named_attendees)},
       {"Unique named attendees", Cell(t.unique_named_attendees)},
       {"Reported headcount", Cell(t.reported_headcount)},
       {"Participants (named + reported)", Cell(t.participants)},
       {"Participant-days", Cell(t.participant_days)},
       {"Trainer institutions engaged",
        Cell(static_cast<std::int64_t>(t.trainer_institutions.size()))},
       {"Agencies reached",
        Cell(static_cast<std::int64_t>(t.agencies_reached.size()))}}};
  for (const auto& g : t.by_gender)
    totals.rows.push_back({"Named attendees: " + g.key, Cell(g.count)});
  d.tables.push_back(std::move(totals));
  Table names{id + ".institutions",
              heading + ": institutions",
              {"Institution", "Engaged as"},
              {}};
  for (const auto& n : t.trainer_institutions)
    names.rows.push_back({n, "trainer"});
  for (const auto& n : t.agencies_reached)
    names.rows.push_back({n, "agency reached"});
  d.tables.push_back(std::move(names));
}

}  // namespace

json::object FunderJson(const domain::FunderReport& r) {
  json::array projects;
  for (const auto& p : r.projects) {
    projects.push_back({{"project_id", p.project_id},
                        {"code", p.code},
                        {"title", p.title},
                        {"role", p.role},
                        {"amount", ToJson(p.amount)},
                        {"currency", ToJson(p.currency)}});
  }
  json::object in_period = SectionJson(r.in_period);
  return {{"report", "funder"},
          {"generated_at", domain::NowUtc()},
          {"organization",
           {{"id", r.organization_id}, {"name", r.organization_name}}},
          {"period", {{"from", r.from.ToString()}, {"to", r.to.ToString()}}},
          {"projects", std::move(projects)},
          {"workshops", std::move(in_period["workshops"])},
          {"totals", std::move(in_period["totals"])},
          {"dates_uncertain", SectionJson(r.dates_uncertain)}};
}

Document FunderDocument(const domain::FunderReport& r) {
  Document d;
  d.title = "Funder report: " + r.organization_name;
  d.facts = {{"Funder", r.organization_name},
             {"Period", r.from.ToString() + " to " + r.to.ToString()},
             {"Generated", domain::NowUtc()}};
  Table projects{"projects",
                 "Projects funded",
                 {"Project", "Title", "Role", "Amount", "Currency"},
                 {}};
  for (const auto& p : r.projects) {
    char amount[32] = "";
    if (p.amount) std::snprintf(amount, sizeof amount, "%.2f", *p.amount);
    projects.rows.push_back(
        {p.code, p.title, p.role, amount, p.currency.value_or("")});
  }
  d.tables.push_back(std::move(projects));
  AddSection(d, "in_period", "Workshops held in the period", r.in_period);
  AddSection(d, "dates_uncertain", "Workshops with unknown or estimated dates",
             r.dates_uncertain);
  d.notes = {
      "Workshops are the held workshops of the projects this organization "
      "funds as lead or "
      "co-funder. Named attendees: people marked present or late in at least "
      "one session, "
      "counted per workshop. Reported headcount: headcounts recorded for "
      "workshops without a "
      "named list. Participant-days: present or late marks.",
      "Workshops whose dates are unknown or estimated are listed apart, with "
      "their own "
      "totals; they are not included in the period's totals. This report holds "
      "no personal "
      "data."};
  return d;
}

}  // namespace capdev::app
