#include "app/api/spreadsheet.hpp"

#include "app/api/common.hpp"
#include "app/codec/json_codec.hpp"
#include "app/formats/csv_reader.hpp"
#include "app/formats/xlsx_reader.hpp"
#include "app/http/problem.hpp"
#include "domain/import_columns.hpp"
#include "domain/workshop.hpp"

namespace capdev::api {

namespace {

domain::StatusOr<formats::Rows> ReadSpreadsheet(const Request& request) {
  const std::string type = domain::LowerTrimmed(
      request.content_type.substr(0, request.content_type.find(';')));
  const bool zip = request.body.starts_with("PK\x03\x04");
  if (type == kXlsxType ||
      ((type.empty() || type == "application/octet-stream") && zip))
    return formats::ReadXlsx(request.body);
  if (type == "text/csv" || type == "text/plain" || type.empty() ||
      type == "application/octet-stream") {
    ASSIGN_OR_RETURN(const auto text, formats::DecodeText(request.body));
    return formats::ParseCsv(text);
  }
  return domain::Status::Malformed(
      "send the file as text/csv or " + std::string(kXlsxType),
      {{"Content-Type", "must be text/csv or " + std::string(kXlsxType)}});
}

// 422 for a real run that cannot be saved: every row's errors, and the
// agencies that match no organization.
Response Refusal(const services::ImportReport& report) {
  std::vector<domain::FieldError> errors;
  for (const auto& row : report.rows) {
    for (const auto& e : row.errors)
      errors.push_back(
          {"rows[" + std::to_string(row.row) + "]." + e.field, e.message});
  }
  std::string detail =
      "Some rows cannot be imported; nothing was saved. Correct them (or "
      "import with skip_invalid=true to save the others) and import the "
      "file again.";
  if (!report.unmatched_organizations.empty()) {
    std::string names;
    for (const auto& u : report.unmatched_organizations) {
      names += (names.empty() ? "" : ", ") + u.name;
      std::string rows;
      for (auto r : u.rows)
        rows += (rows.empty() ? "" : ", ") + std::to_string(r);
      errors.push_back({"organization", "\"" + u.name + "\" (rows " + rows +
                                            ") matches no organization"});
    }
    const auto n = report.unmatched_organizations.size();
    detail = std::to_string(n) +
             (n == 1 ? " agency in the list matches"
                     : " agencies in the list match") +
             " no organization (" + names +
             "); nothing was saved. Add each spelling as an alias of the "
             "organization it means, or import with "
             "create_organizations=true to create them.";
  }
  Response r = Problem(422, detail, errors);
  auto body = json::parse(r.body).as_object();
  for (auto& [key, value] : report.ToJson()) body[key] = value;
  r.body = json::serialize(body);
  return r;
}

}  // namespace

domain::StatusOr<Response> RunImport(Context& ctx, const Importer& import) {
  ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
  services::ImportOptions options;
  options.dry_run = ctx.query.Bool("dry_run").value_or(true);
  options.skip_invalid = ctx.query.Bool("skip_invalid").value_or(false);
  if (import.check)
    options.create_organizations =
        ctx.query.Bool("create_organizations").value_or(false);
  RETURN_IF_ERROR(ctx.query.Check());
  RETURN_IF_ERROR(services::Load<domain::Workshop>(ctx.db, id));
  ASSIGN_OR_RETURN(const auto rows, ReadSpreadsheet(ctx.request));
  if (options.dry_run && import.check) {
    ASSIGN_OR_RETURN(const auto report, import.check(ctx.db, id, rows));
    return JsonResponse(200, report.ToJson());
  }
  // Committed below, or rolled back.
  ASSIGN_OR_RETURN(auto tx, storage::WriteTx::Begin(ctx.db));
  ASSIGN_OR_RETURN(const auto report, import.write(tx, id, rows, options));
  if (options.dry_run) return JsonResponse(200, report.ToJson());
  if (!services::ImportShouldCommit(report, options)) return Refusal(report);
  RETURN_IF_ERROR(tx.Commit());
  return JsonResponse(200, report.ToJson());
}

}  // namespace capdev::api
