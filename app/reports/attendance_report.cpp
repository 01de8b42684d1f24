#include "app/http/json_codec.hpp"
#include "app/reports/reports.hpp"

namespace capdev::app {

namespace {

json::object GroupJson(const domain::GroupFigures& g, const char* key_name) {
  json::object o;
  o[key_name] = ToJson(g.key);
  if (std::string_view(key_name) == "organization_id") {
    o[key_name] =
        g.key ? json::value(std::stoll(*g.key)) : json::value(nullptr);
    o["name"] = ToJson(g.label);
  }
  o["registered"] = g.registered;
  o["attended"] = g.attended;
  o["attendance_rate"] = ToJson(domain::AttendanceRate(g));
  o["participant_days"] = g.participant_days;
  return o;
}

json::array Groups(const std::vector<domain::GroupFigures>& groups,
                   const char* key_name) {
  json::array a;
  for (const auto& g : groups) a.push_back(GroupJson(g, key_name));
  return a;
}

std::string SessionLabel(const domain::SessionFigures& s) {
  return s.date.ToString() + (s.title ? " " + *s.title : "") + " (session " +
         std::to_string(s.session_id) + ")";
}

Table GroupTable(std::string id, std::string heading, std::string column,
                 const std::vector<domain::GroupFigures>& groups) {
  Table t{std::move(id),
          std::move(heading),
          {std::move(column), "Registered", "Attended", "Attendance rate",
           "Participant-days"},
          {}};
  for (const auto& g : groups) {
    t.rows.push_back({Cell(g.label), Cell(g.registered), Cell(g.attended),
                      PercentCell(domain::AttendanceRate(g)),
                      Cell(g.participant_days)});
  }
  return t;
}

}  // namespace

json::object SheetJson(std::int64_t session_id,
                       const std::vector<domain::AttendanceMark>& marks) {
  return {{"session_id", session_id},
          {"items", EncodeAll(marks)},
          {"next_cursor", nullptr}};
}

json::object MatrixJson(const domain::SignInMatrix& matrix,
                        std::int64_t workshop_id) {
  json::array rows;
  for (const auto& row : matrix.rows) {
    json::array marks;
    for (const auto& m : row.marks) marks.push_back(ToJson(m));
    rows.push_back({{"person_id", row.person_id},
                    {"full_name", row.full_name},
                    {"role", ToJson(row.role)},
                    {"marks", std::move(marks)}});
  }
  return {{"workshop_id", workshop_id},
          {"sessions", EncodeAll(matrix.sessions)},
          {"rows", std::move(rows)}};
}

json::object AttendanceJson(const domain::AttendanceReport& r) {
  const auto& w = r.workshop;
  json::array sessions;
  for (const auto& s : r.sessions) {
    sessions.push_back({{"session_id", s.session_id},
                        {"date", s.date.ToString()},
                        {"title", ToJson(s.title)},
                        {"present", s.marks.present},
                        {"late", s.marks.late},
                        {"excused", s.marks.excused},
                        {"absent", s.marks.absent},
                        {"unmarked", s.marks.unmarked}});
  }
  return {{"report", "attendance"},
          {"generated_at", domain::NowUtc()},
          {"workshop",
           {{"id", w.id},
            {"project_id", w.project_id},
            {"title", w.title},
            {"status", ToJson(w.status)},
            {"start_date", ToJson(w.start_date)},
            {"end_date", ToJson(w.end_date)},
            {"dates_estimated", w.dates_estimated},
            {"city", ToJson(w.city)}}},
          {"registered", r.totals.registered},
          {"attended", r.totals.attended},
          {"attendance_rate", ToJson(domain::AttendanceRate(r.totals))},
          {"participant_days", r.totals.participant_days},
          {"sessions", std::move(sessions)},
          {"by_organization", Groups(r.by_organization, "organization_id")},
          {"by_gender", Groups(r.by_gender, "gender")},
          {"by_province", Groups(r.by_province, "province")},
          {"matrix", MatrixJson(r.matrix, w.id)}};
}

Document AttendanceDocument(const domain::AttendanceReport& r) {
  const auto& w = r.workshop;
  Document d;
  d.title = "Attendance report: " + w.title;
  d.facts = {{"Workshop", w.title},
             {"Dates", DatesCell(w.start_date, w.end_date, w.dates_estimated)},
             {"City", Cell(w.city)},
             {"Status", Cell(w.status)},
             {"Generated", domain::NowUtc()}};
  d.tables.push_back(
      {"totals",
       "Summary",
       {"Measure", "Value"},
       {{"Registered", Cell(r.totals.registered)},
        {"Attended", Cell(r.totals.attended)},
        {"Attendance rate", PercentCell(domain::AttendanceRate(r.totals))},
        {"Participant-days", Cell(r.totals.participant_days)},
        {"Sessions", Cell(static_cast<std::int64_t>(r.sessions.size()))}}});
  Table sessions{
      "sessions",
      "Marks per session",
      {"Session", "Present", "Late", "Excused", "Absent", "Unmarked"},
      {}};
  for (const auto& s : r.sessions) {
    sessions.rows.push_back({SessionLabel(s), Cell(s.marks.present),
                             Cell(s.marks.late), Cell(s.marks.excused),
                             Cell(s.marks.absent), Cell(s.marks.unmarked)});
  }
  d.tables.push_back(std::move(sessions));
  d.tables.push_back(GroupTable("by_organization", "By organization",
                                "Organization", r.by_organization));
  d.tables.push_back(
      GroupTable("by_gender", "By gender", "Gender", r.by_gender));
  d.tables.push_back(
      GroupTable("by_province", "By province", "Province", r.by_province));
  Table matrix{"matrix", "Sign-in sheet", {"Person", "Role"}, {}};
  for (const auto& s : r.matrix.sessions) {
    matrix.columns.push_back(SessionLabel({s.id, *s.date, s.title, {}}));
  }
  for (const auto& row : r.matrix.rows) {
    std::vector<std::string> cells = {
        row.full_name + " (person " + std::to_string(row.person_id) + ")",
        std::string(domain::ToText(row.role))};
    for (const auto& m : row.marks)
      cells.push_back(m ? std::string(domain::ToText(*m)) : "");
    matrix.rows.push_back(std::move(cells));
  }
  d.tables.push_back(std::move(matrix));
  d.notes = {
      "Registered: registrations not cancelled. Attended: marked present or "
      "late in at least "
      "one session. Attendance rate: attended / registered. Participant-days: "
      "present or "
      "late marks."};
  return d;
}

}  // namespace capdev::app
