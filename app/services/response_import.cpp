// An evaluation's answers from a spreadsheet (CheckResponses and
// ImportResponses, in evaluations.hpp).

#include <charconv>
#include <set>

#include "app/services/evaluations.hpp"
#include "app/services/import_sheet.hpp"
#include "storage/attendance_repository.hpp"
#include "storage/evaluations.hpp"
#include "storage/natural_keys.hpp"
#include "storage/text_key.hpp"

namespace capdev::services {

namespace {

struct PlannedRow {
  std::size_t index = 0;  // in the report's rows
  ResponseEntry entry;
};

struct ResponsePlan {
  ImportReport report;
  std::vector<PlannedRow> rows;
};

// A cell as an item's answer: a number, or a choice's letter (A = 1).
std::optional<domain::Answer> CellAnswer(const domain::Item& item,
                                         const std::string& text) {
  if (item.type == domain::ItemType::kText) return domain::Answer{text};
  if (item.type == domain::ItemType::kSingleChoice && text.size() == 1 &&
      std::isalpha(static_cast<unsigned char>(text[0]))) {
    return domain::Answer{static_cast<double>(
        std::toupper(static_cast<unsigned char>(text[0])) - 'A' + 1)};
  }
  // A number as a spreadsheet writes one (from_chars: no locale, no
  // exception); anything else is answered as not a number.
  double n = 0;
  const auto* end = text.data() + text.size();
  const auto [at, error] = std::from_chars(text.data(), end, n);
  if (error == std::errc() && at == end) return domain::Answer{n};
  return std::nullopt;
}

domain::StatusOr<ResponsePlan> PlanResponses(storage::Database& db,
                                             std::int64_t workshop_id,
                                             std::int64_t evaluation_id,
                                             const formats::Rows& sheet) {
  ASSIGN_OR_RETURN(const auto found,
                   LoadEvaluation(db, workshop_id, evaluation_id));
  const auto& q = found.second;
  const auto header_index = FindHeaderRow(
      sheet, {domain::ImportColumn::kPersonId, domain::ImportColumn::kEmail,
              domain::ImportColumn::kFullName});
  if (!header_index) return MissingColumn("attendance");
  const ImportHeader header = ReadImportHeader(sheet[*header_index]);
  ResponsePlan plan;
  auto& report = plan.report;
  report.header_row = *header_index + 1;
  SkipAboveHeader(sheet, *header_index, report.rows);
  // Columns headed by an item's key (case aside).
  std::vector<std::pair<std::size_t, const domain::Item*>> columns;
  for (const auto& [column, text] : header.others) {
    const auto key = storage::FoldKey(text);
    const auto it = std::find_if(q.items.begin(), q.items.end(),
                                 [&](const auto& i) { return i.key == key; });
    if (it == q.items.end()) {
      report.unknown_columns.push_back(text);
    } else {
      columns.emplace_back(column, &*it);
    }
  }
  ASSIGN_OR_RETURN(const auto people, storage::SignInPeople(db, workshop_id));
  std::vector<RowCandidate> candidates;
  for (const auto& p : people)
    candidates.push_back({p.person_id, p.full_name, p.native_name});
  ASSIGN_OR_RETURN(const auto answered,
                   storage::Respondents(db, evaluation_id, q.anonymous));
  std::set<std::int64_t> seen;
  for (std::size_t i = *header_index + 1; i < sheet.size(); ++i) {
    const auto& cells = sheet[i];
    if (IsBlankRow(cells)) continue;
    ImportRow row;
    row.row = i + 1;
    ASSIGN_OR_RETURN(const auto person,
                     RowPerson(db, header, cells, candidates, row.errors));
    row.person_id = person;
    if (person) {
      ASSIGN_OR_RETURN(row.registration_id,
                       storage::RegistrationOf(db, workshop_id, *person));
      const auto known =
          std::find_if(people.begin(), people.end(),
                       [&](const auto& p) { return p.person_id == *person; });
      if (!row.registration_id || known == people.end()) {
        row.errors.emplace_back(
            "person_id", domain::kNotAllowed,
            domain::Message("error.person_not_registered",
                            {{"person", std::to_string(*person)}}));
      } else {
        row.full_name = known->full_name;
        row.native_name = known->native_name.value_or("");
        if (!seen.insert(*person).second) {
          row.errors.emplace_back(
              "person_id", domain::kRepeated,
              domain::Message("error.person_earlier_row",
                              {{"person", std::to_string(*person)}}));
        } else if (q.anonymous &&
                   std::binary_search(answered.begin(), answered.end(),
                                      *row.registration_id)) {
          row.errors.emplace_back(
              "person_id", domain::kRepeated,
              domain::Message("error.already_answered_anonymous"));
        }
      }
    }
    PlannedRow planned;
    planned.entry.registration_id = row.registration_id;
    for (const auto& [column, item] : columns) {
      const auto text = ImportCellText(cells, column);
      if (text.empty()) continue;
      auto answer = CellAnswer(*item, text);
      if (!answer) {
        row.errors.emplace_back("answers." + item->key, domain::kInvalid,
                                domain::Message("error.expected_number"));
        continue;
      }
      planned.entry.answers[item->key] = std::move(*answer);
    }
    const auto rules = domain::ValidateAnswers(q, planned.entry.answers);
    for (const auto& e : rules.errors()) row.errors.push_back(e);
    if (!row.errors.empty()) {
      row.action = domain::ImportAction::kError;
    } else if (planned.entry.answers.empty()) {
      row.action = domain::ImportAction::kUnchanged;
    } else {
      row.action = domain::ImportAction::kSetAnswers;
      planned.index = report.rows.size();
      plan.rows.push_back(std::move(planned));
    }
    report.rows.push_back(std::move(row));
  }
  return plan;
}

}  // namespace

domain::StatusOr<ImportReport> CheckResponses(storage::Database& db,
                                              std::int64_t workshop_id,
                                              std::int64_t evaluation_id,
                                              const formats::Rows& sheet) {
  ASSIGN_OR_RETURN(const auto snapshot, storage::ReadTransaction::Begin(db));
  ASSIGN_OR_RETURN(auto plan,
                   PlanResponses(db, workshop_id, evaluation_id, sheet));
  return std::move(plan.report);
}

domain::StatusOr<ImportReport> ImportResponses(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::int64_t evaluation_id, const formats::Rows& sheet,
    const ImportOptions& options, std::int64_t now) {
  ASSIGN_OR_RETURN(auto plan,
                   PlanResponses(tx.db(), workshop_id, evaluation_id, sheet));
  if (plan.report.HasErrors() && !options.skip_invalid) return plan.report;
  for (const auto& row : plan.rows) {
    if (tx.db().PastDeadline())
      return domain::Status::Unavailable("error.import_over_budget");
    RETURN_IF_ERROR(SubmitResponse(tx, &by, workshop_id, evaluation_id,
                                   row.entry, domain::ResponseSource::kImport,
                                   now));
  }
  return plan.report;
}

}  // namespace capdev::services
