// The filled-in sign-in grid's import (ImportAttendance, in imports.hpp).

#include <map>
#include <set>

#include "app/services/attendance.hpp"
#include "app/services/import_sheet.hpp"
#include "app/services/imports.hpp"
#include "domain/workshop.hpp"
#include "storage/attendance_repository.hpp"
#include "storage/natural_keys.hpp"
#include "storage/people.hpp"
#include "storage/text_key.hpp"

namespace capdev::services {

using domain::ImportAction;
using domain::ImportColumn;

namespace {

// Each changed session's marks: its index in the matrix, and the person's new
// mark.
using Changes = std::map<std::size_t, std::map<std::int64_t, domain::Mark>>;

struct AttendancePlan {
  ImportReport report;
  domain::SignInMatrix matrix;
  Changes changes;
};

// Reads the grid and matches it against the workshop's sessions and
// registrations: what each row would set, written nowhere.
domain::StatusOr<AttendancePlan> PlanAttendance(storage::Database& db,
                                                std::int64_t workshop_id,
                                                const formats::Rows& sheet) {
  ASSIGN_OR_RETURN(const auto workshop,
                   Load<domain::Workshop>(db, workshop_id));
  AttendancePlan plan;
  ASSIGN_OR_RETURN(plan.matrix, storage::Matrix(db, workshop_id));
  const auto& matrix = plan.matrix;
  const auto header_index = FindHeaderRow(
      sheet,
      {ImportColumn::kPersonId, ImportColumn::kEmail, ImportColumn::kFullName});
  if (!header_index) return MissingColumn("attendance");
  const auto& header_cells = sheet[*header_index];
  const ImportHeader header = ReadImportHeader(header_cells);

  // Columns headed by a date (text, or a date cell's serial number) are the
  // sessions on that date.
  ImportReport& report = plan.report;
  report.header_row = *header_index + 1;
  SkipAboveHeader(sheet, *header_index, report.rows);
  std::vector<std::pair<std::size_t, std::size_t>> sessions;  // column, index
  domain::Errors columns;
  for (const auto& [column, text] : header.others) {
    std::optional<domain::Date> date = domain::Date::Parse(text);
    if (const auto* n = std::get_if<double>(&header_cells[column]))
      date = formats::DateFromSerial(*n);
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
      if (on_day.empty()) {
        columns.Add(date->ToString(), domain::kNotFound,
                    "error.no_session_on_day");
      } else {
        columns.Add(date->ToString(), domain::kNotAllowed,
                    "error.several_sessions_on_day");
      }
    }
  }
  RETURN_IF_ERROR(columns.ToStatus());

  std::map<std::int64_t, std::size_t> matrix_row;  // person id → row
  std::vector<RowCandidate> candidates;
  for (std::size_t r = 0; r < matrix.rows.size(); ++r) {
    matrix_row[matrix.rows[r].person_id] = r;
    candidates.push_back({matrix.rows[r].person_id, matrix.rows[r].full_name,
                          matrix.rows[r].native_name});
  }
  Changes& changes = plan.changes;
  std::set<std::int64_t> seen;
  const auto status =
      workshop.status.value_or(domain::WorkshopStatus::kPlanned);
  const bool takes = domain::TakesAttendance(status);
  const auto today = domain::Date::Today();
  for (std::size_t i = *header_index + 1; i < sheet.size(); ++i) {
    const auto& cells = sheet[i];
    if (IsBlankRow(cells)) continue;
    ImportRow row;
    row.row = i + 1;
    ASSIGN_OR_RETURN(const auto person,
                     RowPerson(db, header, cells, candidates, row.errors));
    if (person && !matrix_row.contains(*person)) {
      row.errors.emplace_back(
          "person_id", domain::kNotAllowed,
          domain::Message("error.person_not_registered",
                          {{"person", std::to_string(*person)}}));
    } else if (person && !seen.insert(*person).second) {
      row.errors.emplace_back(
          "person_id", domain::kRepeated,
          domain::Message("error.person_earlier_row",
                          {{"person", std::to_string(*person)}}));
    }
    row.person_id = person;
    if (person) {
      ASSIGN_OR_RETURN(row.registration_id,
                       storage::RegistrationOf(db, workshop_id, *person));
    }
    // Whose row it is, by the names the workshop knows them by.
    if (person && matrix_row.contains(*person)) {
      const auto& known = matrix.rows[matrix_row[*person]];
      row.full_name = known.full_name;
      row.native_name = known.native_name.value_or("");
    }

    std::vector<std::pair<std::size_t, domain::Mark>> marks;
    for (const auto& [column, s] : sessions) {
      const auto text = ImportCellText(cells, column);
      if (text.empty()) continue;
      const auto& session = matrix.sessions[s];
      const auto mark = domain::MarkOf(text);
      const auto day = session.date.value_or(domain::Date());
      const std::string field = day.ToString();
      if (!mark) {
        row.errors.emplace_back(field, domain::kUnknownValue,
                                domain::Message("error.mark_letters"));
        continue;
      }
      if (!person || !matrix_row.contains(*person)) continue;
      if (matrix.rows[matrix_row[*person]].marks[s] == *mark) continue;
      if (!takes) {
        row.errors.emplace_back(
            field, domain::kNotAllowed,
            domain::Message("error.attendance_not_taken",
                            {{"status", domain::ToText(status)}}));
      } else if (day > today) {
        row.errors.emplace_back(
            field, domain::kNotAllowed,
            domain::Message("error.session_in_future", {{"date", field}}));
      } else {
        marks.emplace_back(s, *mark);
      }
    }
    if (!row.errors.empty()) {
      row.action = ImportAction::kError;
    } else {
      row.action =
          marks.empty() ? ImportAction::kUnchanged : ImportAction::kSetMarks;
      for (const auto& [s, mark] : marks) {
        const auto who = person.value_or(0);  // marks name a registered person
        changes[s][who] = mark;
        row.marks.push_back({matrix.sessions[s].id,
                             matrix.sessions[s].date.value_or(domain::Date()),
                             matrix.rows[matrix_row[who]].marks[s], mark});
      }
      report.marks_changed += marks.size();
    }
    report.rows.push_back(std::move(row));
  }
  return plan;
}

}  // namespace

domain::StatusOr<ImportReport> CheckAttendance(storage::Database& db,
                                               std::int64_t workshop_id,
                                               const formats::Rows& sheet) {
  ASSIGN_OR_RETURN(const auto snapshot, storage::ReadTransaction::Begin(db));
  ASSIGN_OR_RETURN(auto plan, PlanAttendance(db, workshop_id, sheet));
  return std::move(plan.report);
}

domain::StatusOr<ImportReport> ImportAttendance(storage::WriteTx& tx,
                                                const domain::Principal& by,
                                                std::int64_t workshop_id,
                                                const formats::Rows& sheet,
                                                const ImportOptions& options) {
  ASSIGN_OR_RETURN(auto plan, PlanAttendance(tx.db(), workshop_id, sheet));
  const auto& report = plan.report;
  const auto& matrix = plan.matrix;
  // The rows in error set nothing (their marks were never collected).
  if (report.HasErrors() && !options.skip_invalid) return report;

  // Each changed session's sheet: its marks so far with the file's changes,
  // replaced through the attendance PUT's own rules.
  for (const auto& [s, changed] : plan.changes) {
    if (tx.db().PastDeadline())
      return domain::Status::Unavailable("error.import_over_budget");
    std::vector<domain::AttendanceMark> sheet_marks;
    for (const auto& r : matrix.rows) {
      auto it = changed.find(r.person_id);
      const auto mark =
          it != changed.end() ? std::optional(it->second) : r.marks[s];
      if (mark) sheet_marks.push_back({r.person_id, mark});
    }
    RETURN_IF_ERROR(ReplaceSheet(tx, by, workshop_id, matrix.sessions[s].id,
                                 sheet_marks, {}, domain::MarkSource::kImport));
  }
  return report;
}

}  // namespace capdev::services
