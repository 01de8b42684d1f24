#include <algorithm>
#include <functional>

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

// "10 Mar 2025 Opening (session 12)". `date`: stored sessions always have
// one (the column is NOT NULL).
std::string SessionLabel(const Texts& x,
                         const std::optional<domain::Date>& date,
                         const std::optional<std::string>& title,
                         std::int64_t id) {
  const std::string day =
      date ? x.format().Date(*date) : x("common.dates_unknown");
  if (title && !title->empty()) {
    return x(domain::Message(
        "report.attendance.session_titled",
        {{"date", day}, {"title", *title}, {"id", std::to_string(id)}}));
  }
  return x(domain::Message("report.attendance.session",
                           {{"date", day}, {"id", std::to_string(id)}}));
}

Table GroupTable(
    const Texts& x, std::string id, std::string heading, std::string column,
    const std::vector<domain::GroupFigures>& groups,
    const std::function<std::string(const domain::GroupFigures&)>& name) {
  Table t{std::move(id),
          std::move(heading),
          {std::move(column), FigureLabel(x, Figure::kParticipantsRegistered),
           FigureLabel(x, Figure::kPeopleTrained),
           FigureLabel(x, Figure::kParticipantDays),
           FigureLabel(x, Figure::kCompleted)},
          {}};
  for (const auto& g : groups) {
    t.rows.push_back({name(g), x.Count(g.registered), x.Count(g.people_trained),
                      x.Count(g.participant_days), x.Count(g.completed)});
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
    json::array sources;
    for (const auto& m : row.sources) sources.push_back(codec::ToJson(m));
    rows.push_back({{"person_id", row.person_id},
                    {"full_name", row.full_name},
                    {"native_name", codec::ToJson(row.native_name)},
                    {"organization_id", codec::ToJson(row.organization_id)},
                    {"list_order", codec::ToJson(row.list_order)},
                    {"role", codec::ToJson(row.role)},
                    {"marks", std::move(marks)},
                    {"sources", std::move(sources)}});
  }
  return {{"workshop_id", workshop_id},
          {"sessions", codec::EncodeAll(matrix.sessions)},
          {"rows", std::move(rows)},
          {"flags", codec::CheckinFlagsJson(matrix.flags)}};
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

Document AttendanceDocument(const domain::AttendanceReport& r,
                            domain::Language language) {
  const Texts x(language, &r.native_names);
  const auto& w = r.workshop;
  const auto& f = r.figures;
  const auto label = [&](Figure figure) { return FigureLabel(x, figure); };
  Document d;
  d.language = language;
  d.title = x(domain::Message("report.attendance.title", {{"title", w.title}}));
  d.facts = {
      {x("report.fact.workshop"), w.title},
      {x("common.dates"), x.Dates(w.start_date, w.end_date, w.dates_estimated)},
      {x("common.city"), x.OrNotRecorded(w.city)},
      {x("common.status"), x.Label(w.status)},
      {x("report.fact.completion_threshold"),
       x(domain::Message("report.threshold_value",
                         {{"threshold", r.completion_threshold}}))},
      {x("report.fact.generated"), x.Now()}};
  d.tables.push_back(
      {"totals",
       x("report.attendance.summary"),
       {x("report.column.measure"), x("report.column.value")},
       {{x("report.attendance.sessions"), x.Count(f.sessions)},
        {label(Figure::kParticipantsRegistered),
         x.Count(f.participants_registered)},
        {label(Figure::kPeopleTrained), x.Count(f.people_trained)},
        {label(Figure::kParticipantDays), x.Count(f.participant_days)},
        {label(Figure::kCompleted), x.Count(f.completed)},
        {x("report.attendance.rate_mean"), x.Percent(f.attendance_rate)},
        {label(Figure::kTrainers), x.Count(f.trainers)}}});
  Table sessions{
      "sessions",
      x("report.attendance.marks_heading"),
      {x("report.column.session"), x.Label(domain::Mark::kPresent),
       x.Label(domain::Mark::kLate), x.Label(domain::Mark::kExcused),
       x.Label(domain::Mark::kAbsent), x("report.column.unmarked"),
       label(Figure::kAttendanceRate), x("report.column.others_present")},
      {}};
  for (const auto& s : r.sessions) {
    sessions.rows.push_back({SessionLabel(x, s.date, s.title, s.session_id),
                             x.Count(s.present), x.Count(s.late),
                             x.Count(s.excused), x.Count(s.absent),
                             x.Count(s.unmarked), x.Percent(s.attendance_rate),
                             x.Count(s.trainers_present)});
  }
  d.tables.push_back(std::move(sessions));
  Table roles{"by_role",
              x("report.attendance.by_role"),
              {x("report.column.role"), x("report.column.registered"),
               x("report.column.attended")},
              {}};
  for (const auto& role : r.by_role) {
    roles.rows.push_back(
        {x.Label(role.role), x.Count(role.registered), x.Count(role.attended)});
  }
  d.tables.push_back(std::move(roles));
  // In Chinese, organizations by their Chinese names, in pinyin order (the
  // unrecorded group stays last).
  auto organizations = r.by_organization;
  if (language == Language::kZh) {
    for (auto& g : organizations)
      if (g.label) g.label = x.Organization(*g.label);
    std::stable_sort(organizations.begin(), organizations.end(),
                     [&](const auto& a, const auto& b) {
                       if (!a.label || !b.label)
                         return a.label.has_value() && !b.label;
                       return x.format().Less(*a.label, *b.label);
                     });
  }
  d.tables.push_back(
      GroupTable(x, "by_organization", x("report.attendance.by_organization"),
                 x("report.column.organization"), organizations,
                 [&](const auto& g) { return x.OrNotRecorded(g.label); }));
  d.tables.push_back(
      GroupTable(x, "by_gender", x("report.attendance.by_gender"),
                 x("report.column.gender"), r.by_gender,
                 [&](const auto& g) { return x.GenderLabel(g.key); }));
  d.tables.push_back(
      GroupTable(x, "by_province", x("report.attendance.by_province"),
                 x("report.column.province"), r.by_province,
                 [&](const auto& g) { return x.OrNotRecorded(g.label); }));
  Table matrix{"matrix",
               x("report.attendance.matrix"),
               {x("report.column.person"), x("report.column.role")},
               {}};
  for (const auto& s : r.matrix.sessions) {
    matrix.columns.push_back(SessionLabel(x, s.date, s.title, s.id));
  }
  for (const auto& row : r.matrix.rows) {
    std::vector<DocCell> cells = {
        x(domain::Message("report.attendance.person",
                          {{"name", x.Person(row.full_name, row.native_name)},
                           {"id", std::to_string(row.person_id)}})),
        x.Label(row.role)};
    for (const auto& m : row.marks) cells.emplace_back(x.Label(m));
    matrix.rows.push_back(std::move(cells));
  }
  d.tables.push_back(std::move(matrix));
  d.notes.push_back(x("report.note.held_only"));
  d.definitions =
      Definitions(x,
                  {Figure::kParticipantsRegistered, Figure::kPeopleTrained,
                   Figure::kParticipantDays, Figure::kCompleted,
                   Figure::kAttendanceRate, Figure::kTrainers},
                  r.completion_threshold);
  return d;
}

}  // namespace capdev::reports
