#include "app/codec/json_codec.hpp"
#include "app/reports/reports.hpp"
#include "domain/person.hpp"

namespace capdev::reports {

namespace {

json::object GroupJson(const domain::GroupFigures& g, const char* key_name) {
  json::object o;
  o[key_name] = codec::ToJson(g.key);
  if (std::string_view(key_name) == "organization_id") {
    o[key_name] =
        g.key ? json::value(std::stoll(*g.key)) : json::value(nullptr);
    o["name"] = codec::ToJson(g.label);
  }
  o["registered"] = g.registered;
  o["people_trained"] = g.people_trained;
  o["participant_days"] = g.participant_days;
  o["completed"] = g.completed;
  return o;
}

json::array Groups(const std::vector<domain::GroupFigures>& groups,
                   const char* key_name) {
  json::array a;
  for (const auto& g : groups) a.push_back(GroupJson(g, key_name));
  return a;
}

// `date`: stored sessions always have one (the column is NOT NULL).
std::string SessionLabel(const std::optional<domain::Date>& date,
                         const std::optional<std::string>& title,
                         std::int64_t id) {
  return (date ? date->ToString() : "undated") + (title ? " " + *title : "") +
         " (session " + std::to_string(id) + ")";
}

Table GroupTable(std::string id, std::string heading, std::string column,
                 const std::vector<domain::GroupFigures>& groups) {
  Table t{std::move(id),
          std::move(heading),
          {std::move(column), "Participants registered", "People trained",
           "Participant-days", "Completed"},
          {}};
  for (const auto& g : groups) {
    t.rows.push_back({Cell(g.label), Cell(g.registered), Cell(g.people_trained),
                      Cell(g.participant_days), Cell(g.completed)});
  }
  return t;
}

}  // namespace

json::object MatrixJson(const domain::SignInMatrix& matrix,
                        std::int64_t workshop_id) {
  json::array rows;
  for (const auto& row : matrix.rows) {
    json::array marks;
    for (const auto& m : row.marks) marks.push_back(codec::ToJson(m));
    rows.push_back({{"person_id", row.person_id},
                    {"full_name", row.full_name},
                    {"native_name", codec::ToJson(row.native_name)},
                    {"list_order", codec::ToJson(row.list_order)},
                    {"role", codec::ToJson(row.role)},
                    {"marks", std::move(marks)}});
  }
  return {{"workshop_id", workshop_id},
          {"sessions", codec::EncodeAll(matrix.sessions)},
          {"rows", std::move(rows)}};
}

json::object AttendanceJson(const domain::AttendanceReport& r) {
  const auto& w = r.workshop;
  json::array sessions;
  for (const auto& s : r.sessions) {
    sessions.push_back({{"session_id", s.session_id},
                        {"date", s.date.ToString()},
                        {"title", codec::ToJson(s.title)},
                        {"present", s.present},
                        {"late", s.late},
                        {"excused", s.excused},
                        {"absent", s.absent},
                        {"unmarked", s.unmarked},
                        {"trainers_present", s.trainers_present},
                        {"attendance_rate", codec::ToJson(s.attendance_rate)}});
  }
  json::array roles;
  for (const auto& role : r.by_role) {
    roles.push_back({{"role", codec::ToJson(role.role)},
                     {"registered", role.registered},
                     {"attended", role.attended}});
  }
  return {{"report", "attendance"},
          {"generated_at", domain::NowUtc()},
          {"workshop",
           {{"id", w.id},
            {"project_id", w.project_id},
            {"title", w.title},
            {"status", codec::ToJson(w.status)},
            {"start_date", codec::ToJson(w.start_date)},
            {"end_date", codec::ToJson(w.end_date)},
            {"dates_estimated", w.dates_estimated},
            {"city", codec::ToJson(w.city)}}},
          {"completion_threshold", r.completion_threshold},
          {"totals", FiguresJson(r.figures)},
          {"sessions", std::move(sessions)},
          {"by_role", std::move(roles)},
          {"by_organization", Groups(r.by_organization, "organization_id")},
          {"by_gender", Groups(r.by_gender, "gender")},
          {"by_province", Groups(r.by_province, "province")},
          {"matrix", MatrixJson(r.matrix, w.id)}};
}

Document AttendanceDocument(const domain::AttendanceReport& r) {
  const auto& w = r.workshop;
  const auto& f = r.figures;
  Document d;
  d.title = "Attendance report: " + w.title;
  d.facts = {{"Workshop", w.title},
             {"Dates", DatesCell(w.start_date, w.end_date, w.dates_estimated)},
             {"City", Cell(w.city)},
             {"Status", Cell(w.status)},
             {"Completion threshold",
              std::to_string(r.completion_threshold) + "% of sessions"},
             {"Generated", domain::NowUtc()}};
  d.tables.push_back(
      {"totals",
       "Summary",
       {"Measure", "Value"},
       {{"Sessions", Cell(f.sessions)},
        {"Participants registered", Cell(f.participants_registered)},
        {"People trained", Cell(f.people_trained)},
        {"Participant-days", Cell(f.participant_days)},
        {"Completed", Cell(f.completed)},
        {"Attendance rate (mean of sessions)", PercentCell(f.attendance_rate)},
        {"Trainers and other roles attending", Cell(f.trainers)}}});
  Table sessions{"sessions",
                 "Participants' marks per session",
                 {"Session", "Present", "Late", "Excused", "Absent", "Unmarked",
                  "Attendance rate", "Trainers and others present"},
                 {}};
  for (const auto& s : r.sessions) {
    sessions.rows.push_back(
        {SessionLabel(s.date, s.title, s.session_id), Cell(s.present),
         Cell(s.late), Cell(s.excused), Cell(s.absent), Cell(s.unmarked),
         PercentCell(s.attendance_rate), Cell(s.trainers_present)});
  }
  d.tables.push_back(std::move(sessions));
  Table roles{"by_role", "By role", {"Role", "Registered", "Attended"}, {}};
  for (const auto& role : r.by_role) {
    roles.rows.push_back({Cell(std::optional(role.role)), Cell(role.registered),
                          Cell(role.attended)});
  }
  d.tables.push_back(std::move(roles));
  d.tables.push_back(GroupTable("by_organization",
                                "Participants by organization", "Organization",
                                r.by_organization));
  d.tables.push_back(
      GroupTable("by_gender", "Participants by gender", "Gender", r.by_gender));
  d.tables.push_back(GroupTable("by_province", "Participants by province",
                                "Province", r.by_province));
  Table matrix{"matrix", "Sign-in sheet", {"Person", "Role"}, {}};
  for (const auto& s : r.matrix.sessions) {
    matrix.columns.push_back(SessionLabel(s.date, s.title, s.id));
  }
  for (const auto& row : r.matrix.rows) {
    std::vector<DocCell> cells = {
        domain::NameInBothScripts(row.full_name, row.native_name) +
            " (person " + std::to_string(row.person_id) + ")",
        std::string(domain::ToText(row.role))};
    for (const auto& m : row.marks)
      cells.emplace_back(m ? std::string(domain::ToText(*m)) : std::string());
    matrix.rows.push_back(std::move(cells));
  }
  d.tables.push_back(std::move(matrix));
  d.notes = DefinitionNotes(r.completion_threshold);
  return d;
}

}  // namespace capdev::reports
