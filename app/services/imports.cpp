#include "app/services/imports.hpp"

#include <map>
#include <set>

#include "app/services/attendance.hpp"
#include "app/services/organizations.hpp"
#include "app/services/people.hpp"
#include "app/services/registrations.hpp"
#include "domain/import_columns.hpp"
#include "domain/workshop.hpp"
#include "storage/attendance_repository.hpp"
#include "storage/natural_keys.hpp"
#include "storage/people.hpp"
#include "storage/text_key.hpp"

namespace capdev::app {

namespace {

using domain::ImportAction;
using domain::ImportColumn;

// A cell's text, trimmed; the apostrophe capdev's CSV puts before a leading
// =, +, - or @ (so spreadsheets do not run it) is taken off again.
std::string Text(const std::vector<SheetCell>& row, std::size_t column) {
  if (column >= row.size()) return "";
  std::string text = CellText(row[column]);
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  if (text.size() > 1 && text[0] == '\'' &&
      std::string_view("=+-@").find(text[1]) != std::string_view::npos)
    text.erase(0, 1);
  return text;
}

bool Blank(const std::vector<SheetCell>& row) {
  for (std::size_t c = 0; c < row.size(); ++c) {
    if (!Text(row, c).empty()) return false;
  }
  return true;
}

// The header row: the columns capdev knows (the first of each), and the
// others with their header text.
struct Header {
  std::map<ImportColumn, std::size_t> known;
  std::vector<std::pair<std::size_t, std::string>> others;

  std::string Get(const std::vector<SheetCell>& row,
                  ImportColumn column) const {
    auto it = known.find(column);
    return it == known.end() ? "" : Text(row, it->second);
  }
};

Header ReadHeader(const std::vector<SheetCell>& row) {
  Header header;
  for (std::size_t c = 0; c < row.size(); ++c) {
    const std::string text = Text(row, c);
    if (text.empty()) continue;
    const auto column = domain::ColumnOf(text);
    if (column && !header.known.contains(*column)) {
      header.known[*column] = c;
    } else {
      header.others.emplace_back(c, text);
    }
  }
  return header;
}

domain::Status NoColumn(const std::string& which) {
  return domain::Status::Invalid(
      {{"body", "has no " + which + " column in its first row"}},
      "The file's first row must name its columns; it has no " + which +
          " column.");
}

// A refused write's reasons, as a row's errors.
std::vector<domain::FieldError> ErrorsOf(const domain::Status& status) {
  if (!status.errors().empty()) return status.errors();
  return {{"row", status.detail()}};
}

void Put(json::object& o, const char* name, const std::string& value) {
  if (!value.empty()) o[name] = value;
}

// The organization of a participant-list row, found by name or created.
domain::StatusOr<std::optional<std::int64_t>> OrganizationFor(
    storage::WriteTx& tx, const domain::Principal& by, const std::string& name,
    ImportReport& report) {
  if (name.empty()) return std::optional<std::int64_t>();
  if (auto id = storage::OrganizationNamed(tx.db(), name)) return id;
  const auto draft = DecodeDraft<domain::Organization>(
      json::object{{"name", name}, {"kind", "other"}});
  ASSIGN_OR_RETURN(const auto org, CreateOrganization(tx, by, draft));
  ++report.organizations_created;
  return std::optional<std::int64_t>(org.id);
}

// One participant-list row, written in `tx`; its errors are the row's.
ImportRow ImportParticipant(storage::WriteTx& tx, const domain::Principal& by,
                            std::int64_t workshop_id, const Header& header,
                            const std::vector<SheetCell>& cells,
                            ImportReport& report) {
  using C = ImportColumn;
  ImportRow row;
  const auto get = [&](C column) { return header.Get(cells, column); };

  // Every field is read and checked before anything is written.
  json::object person;
  Put(person, "full_name", get(C::kFullName));
  Put(person, "native_name", get(C::kNativeName));
  Put(person, "position", get(C::kPosition));
  Put(person, "province", get(C::kProvince));
  Put(person, "email", get(C::kEmail));
  Put(person, "phone", get(C::kPhone));
  if (const auto gender = get(C::kGender); !gender.empty()) {
    if (const auto g = domain::GenderOf(gender)) {
      person["gender"] = domain::ToText(*g);
    } else {
      row.errors.push_back(
          {"gender",
           "must be F, M, 女, 男, female, male, other or undisclosed"});
    }
  }
  json::object registration;
  Put(registration, "role", domain::LowerTrimmed(get(C::kRole)));
  Put(registration, "status", domain::LowerTrimmed(get(C::kStatus)));
  registration["person_id"] = 1;  // checked below with the real id
  const auto person_draft = DecodeDraft<domain::Person>(person);
  const auto registration_draft =
      DecodeDraft<domain::Registration>(registration);
  for (const auto* errors :
       {&person_draft.errors.list(), &registration_draft.errors.list()})
    row.errors.insert(row.errors.end(), errors->begin(), errors->end());
  if (row.errors.empty()) {
    const auto invalid = domain::Validate(person_draft.ApplyTo({}));
    if (!invalid.ok()) row.errors = ErrorsOf(invalid);
  }
  if (!row.errors.empty()) return row;

  // The same person: by email, else by full name in the organization (found
  // by name, or created: nobody can be in a new one).
  std::optional<domain::Person> found;
  if (const auto email = get(C::kEmail); !email.empty())
    found = storage::PersonWithEmail(tx.db(), email);
  std::optional<std::int64_t> org;
  if (!found) {
    auto org_found = OrganizationFor(tx, by, get(C::kOrganization), report);
    if (!org_found.ok()) {
      row.errors = ErrorsOf(org_found.status());
      for (auto& e : row.errors) e.field = "organization";
      return row;
    }
    org = *org_found;
    found = storage::PersonNamed(tx.db(), get(C::kFullName), org);
  }
  if (found) {
    row.action = ImportAction::kMatchPerson;
    row.person_id = found->id;
  } else {
    auto draft = person_draft;
    draft.values.organization_id = org;
    if (org) draft.present.emplace_back("organization_id");
    auto created = CreatePerson(tx, by, draft);
    if (!created.ok()) {
      row.errors = ErrorsOf(created.status());
      return row;
    }
    row.action = ImportAction::kCreatePerson;
    row.person_id = created->person.id;
  }

  if (auto id = storage::RegistrationOf(tx.db(), workshop_id, *row.person_id)) {
    row.action = ImportAction::kAlreadyRegistered;
    row.registration_id = id;
    return row;
  }
  auto draft = registration_draft;
  draft.values.person_id = *row.person_id;
  auto registered = CreateRegistration(tx, by, workshop_id, draft, false);
  if (!registered.ok()) {
    row.action = ImportAction::kError;
    row.errors = ErrorsOf(registered.status());
    return row;
  }
  row.registration_id = registered->record.id;
  return row;
}

}  // namespace

bool ImportReport::HasErrors() const {
  for (const auto& r : rows) {
    if (r.action == ImportAction::kError) return true;
  }
  return false;
}

json::object ImportReport::ToJson() const {
  json::array list;
  json::object counts;
  for (auto action : domain::Values<ImportAction>())
    counts[domain::ToText(action)] = 0;
  for (const auto& r : rows) {
    json::array errors;
    for (const auto& e : r.errors)
      errors.push_back({{"field", e.field}, {"message", e.message}});
    const auto action = domain::ToText(r.action);
    counts[action] = counts[action].as_int64() + 1;
    list.push_back(
        {{"row", r.row},
         {"action", action},
         {"person_id", r.person_id ? json::value(*r.person_id) : nullptr},
         {"registration_id",
          r.registration_id ? json::value(*r.registration_id) : nullptr},
         {"errors", std::move(errors)}});
  }
  json::array unknown;
  for (const auto& name : unknown_columns)
    unknown.push_back(json::string(name));
  json::object summary{{"rows", rows.size()},
                       {"actions", std::move(counts)},
                       {"organizations_created", organizations_created},
                       {"marks_changed", marks_changed},
                       {"unknown_columns", std::move(unknown)}};
  return {{"rows", std::move(list)}, {"summary", std::move(summary)}};
}

domain::StatusOr<ImportReport> ImportParticipants(storage::WriteTx& tx,
                                                  const domain::Principal& by,
                                                  std::int64_t workshop_id,
                                                  const Rows& sheet,
                                                  bool dry_run) {
  RETURN_IF_ERROR(Load<domain::Workshop>(tx.db(), workshop_id));
  const Header header =
      ReadHeader(sheet.empty() ? std::vector<SheetCell>{} : sheet[0]);
  if (!header.known.contains(ImportColumn::kFullName))
    return NoColumn("Full name (Name, 姓名)");
  ImportReport report;
  for (const auto& [column, text] : header.others)
    report.unknown_columns.push_back(text);
  std::set<std::int64_t> new_people, new_registrations;
  for (std::size_t i = 1; i < sheet.size(); ++i) {
    if (Blank(sheet[i])) continue;
    ImportRow row =
        ImportParticipant(tx, by, workshop_id, header, sheet[i], report);
    row.row = i + 1;
    if (row.action == ImportAction::kCreatePerson && row.person_id)
      new_people.insert(*row.person_id);
    if (row.registration_id && row.action != ImportAction::kAlreadyRegistered)
      new_registrations.insert(*row.registration_id);
    report.rows.push_back(std::move(row));
  }
  if (dry_run) {
    // Those records are rolled back: their ids would mislead.
    for (auto& row : report.rows) {
      if (row.person_id && new_people.contains(*row.person_id))
        row.person_id.reset();
      if (row.registration_id &&
          new_registrations.contains(*row.registration_id))
        row.registration_id.reset();
    }
  }
  return report;
}

domain::StatusOr<ImportReport> ImportAttendance(storage::WriteTx& tx,
                                                const domain::Principal& by,
                                                std::int64_t workshop_id,
                                                const Rows& sheet) {
  auto& db = tx.db();
  ASSIGN_OR_RETURN(const auto workshop,
                   Load<domain::Workshop>(db, workshop_id));
  const auto matrix = storage::Matrix(db, workshop_id);
  const Header header =
      ReadHeader(sheet.empty() ? std::vector<SheetCell>{} : sheet[0]);
  if (!header.known.contains(ImportColumn::kPersonId) &&
      !header.known.contains(ImportColumn::kEmail) &&
      !header.known.contains(ImportColumn::kFullName))
    return NoColumn("Person ID, Email or Full name");

  // Columns headed by a date (text, or a date cell's serial number) are the
  // sessions on that date.
  ImportReport report;
  std::vector<std::pair<std::size_t, std::size_t>> sessions;  // column, index
  domain::Errors columns;
  for (const auto& [column, text] : header.others) {
    std::optional<domain::Date> date = domain::Date::Parse(text);
    if (const auto* n = std::get_if<double>(&sheet[0][column]))
      date = DateFromSerial(*n);
    if (!date) {
      report.unknown_columns.push_back(text);
      continue;
    }
    std::vector<std::size_t> on_day;
    for (std::size_t s = 0; s < matrix.sessions.size(); ++s) {
      if (matrix.sessions[s].date == date) on_day.push_back(s);
    }
    if (on_day.size() == 1) {
      sessions.emplace_back(column, on_day[0]);
    } else {
      columns.Add(date->ToString(),
                  on_day.empty() ? "no session of this workshop is on this day"
                                 : "this workshop has several sessions on this "
                                   "day; use the attendance page for it");
    }
  }
  RETURN_IF_ERROR(columns.ToStatus());

  std::map<std::int64_t, std::size_t> matrix_row;  // person id → row
  for (std::size_t r = 0; r < matrix.rows.size(); ++r)
    matrix_row[matrix.rows[r].person_id] = r;
  std::map<std::size_t, std::map<std::int64_t, domain::Mark>> changes;
  std::set<std::int64_t> seen;
  const bool takes = domain::TakesAttendance(*workshop.status);
  const auto today = domain::Date::Today();
  for (std::size_t i = 1; i < sheet.size(); ++i) {
    const auto& cells = sheet[i];
    if (Blank(cells)) continue;
    ImportRow row;
    row.row = i + 1;
    // Who: Person ID, else email, else the full name among the registered.
    std::optional<std::int64_t> person;
    const auto id_text = header.Get(cells, ImportColumn::kPersonId);
    const auto email = header.Get(cells, ImportColumn::kEmail);
    const auto name = header.Get(cells, ImportColumn::kFullName);
    if (!id_text.empty()) {
      try {
        std::size_t used = 0;
        person = std::stoll(id_text, &used);
        if (used != id_text.size()) person.reset();
      } catch (const std::exception&) {
        person.reset();  // not a number, or out of range: reported below
      }
      if (!person) row.errors.push_back({"person_id", "is not a number"});
    } else if (!email.empty()) {
      if (auto p = storage::PersonWithEmail(db, email))
        person = p->id;
      else
        row.errors.push_back({"email", "no person has this email"});
    } else if (!name.empty()) {
      const auto key = storage::FoldKey(name);
      for (const auto& r : matrix.rows) {
        if (storage::FoldKey(r.full_name) != key) continue;
        if (person) {
          row.errors.push_back({"full_name",
                                "two registered people have this name; add the "
                                "Person ID column"});
          break;
        }
        person = r.person_id;
      }
      if (!person && row.errors.empty())
        row.errors.push_back(
            {"full_name", "nobody of this name is registered"});
    } else {
      row.errors.push_back({"person_id", "the row names nobody"});
    }
    if (person && !matrix_row.contains(*person)) {
      row.errors.push_back({"person_id", "person " + std::to_string(*person) +
                                             " is not registered for this "
                                             "workshop"});
    } else if (person && !seen.insert(*person).second) {
      row.errors.push_back(
          {"person_id", "person " + std::to_string(*person) +
                            " has an earlier row; one row per person"});
    }
    row.person_id = person;
    if (person)
      row.registration_id = storage::RegistrationOf(db, workshop_id, *person);

    std::vector<std::pair<std::size_t, domain::Mark>> marks;
    for (const auto& [column, s] : sessions) {
      const auto text = Text(cells, column);
      if (text.empty()) continue;
      const auto& session = matrix.sessions[s];
      const auto mark = domain::MarkOf(text);
      const std::string field = session.date->ToString();
      if (!mark) {
        row.errors.push_back(
            {field,
             "must be P, L, E, A (present, late, excused, absent) or ✓"});
        continue;
      }
      if (!person || !matrix_row.contains(*person)) continue;
      if (matrix.rows[matrix_row[*person]].marks[s] == *mark) continue;
      if (!takes) {
        row.errors.push_back(
            {field,
             "attendance is taken only for a confirmed or held "
             "workshop; this one is " +
                 std::string(domain::ToText(*workshop.status))});
      } else if (*session.date > today) {
        row.errors.push_back(
            {field, "the session on " + field + " has not taken place yet"});
      } else {
        marks.emplace_back(s, *mark);
      }
    }
    if (!row.errors.empty()) {
      row.action = ImportAction::kError;
    } else {
      row.action =
          marks.empty() ? ImportAction::kUnchanged : ImportAction::kSetMarks;
      for (const auto& [s, mark] : marks) changes[s][*person] = mark;
      report.marks_changed += marks.size();
    }
    report.rows.push_back(std::move(row));
  }
  if (report.HasErrors()) return report;

  // Each changed session's sheet: its marks so far with the file's changes,
  // replaced through the attendance PUT's own rules.
  for (const auto& [s, changed] : changes) {
    std::vector<domain::AttendanceMark> sheet_marks;
    for (const auto& r : matrix.rows) {
      auto it = changed.find(r.person_id);
      const auto mark =
          it != changed.end() ? std::optional(it->second) : r.marks[s];
      if (mark) sheet_marks.push_back({r.person_id, mark});
    }
    RETURN_IF_ERROR(ReplaceSheet(tx, by, workshop_id, matrix.sessions[s].id,
                                 sheet_marks, {}));
  }
  return report;
}

}  // namespace capdev::app
