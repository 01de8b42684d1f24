#include "app/api/spreadsheet.hpp"

#include "app/api/common.hpp"
#include "app/formats/csv_reader.hpp"
#include "app/formats/xlsx_reader.hpp"
#include "app/http/json_codec.hpp"
#include "app/http/problem.hpp"
#include "domain/import_columns.hpp"
#include "domain/workshop.hpp"

namespace capdev::app {

namespace {

domain::StatusOr<Rows> ReadSpreadsheet(const Request& request) {
  const std::string type = domain::LowerTrimmed(
      request.content_type.substr(0, request.content_type.find(';')));
  const bool zip = request.body.starts_with("PK\x03\x04");
  if (type == kXlsxType ||
      ((type.empty() || type == "application/octet-stream") && zip))
    return ReadXlsx(request.body);
  if (type == "text/csv" || type == "text/plain" || type.empty() ||
      type == "application/octet-stream") {
    ASSIGN_OR_RETURN(const auto text, DecodeText(request.body));
    return ParseCsv(text);
  }
  return domain::Status::Malformed(
      "send the file as text/csv or " + std::string(kXlsxType),
      {{"Content-Type", "must be text/csv or " + std::string(kXlsxType)}});
}

Response ImportAnswer(storage::WriteTx& tx, const ImportReport& report,
                      bool dry_run) {
  if (dry_run) return JsonResponse(200, report.ToJson());
  if (!report.HasErrors()) {
    tx.Commit();
    return JsonResponse(200, report.ToJson());
  }
  std::vector<domain::FieldError> errors;
  for (const auto& row : report.rows) {
    for (const auto& e : row.errors)
      errors.push_back(
          {"rows[" + std::to_string(row.row) + "]." + e.field, e.message});
  }
  Response r = Problem(
      422,
      "Some rows cannot be imported; nothing was saved. Correct them and "
      "import the file again.",
      errors);
  auto body = json::parse(r.body).as_object();
  for (auto& [key, value] : report.ToJson()) body[key] = value;
  r.body = json::serialize(body);
  return r;
}

}  // namespace

domain::StatusOr<Response> RunImport(Context& ctx, const Importer& import) {
  ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
  const bool dry_run = ctx.query.Bool("dry_run").value_or(true);
  RETURN_IF_ERROR(ctx.query.Check());
  RETURN_IF_ERROR(Load<domain::Workshop>(ctx.db, id));
  ASSIGN_OR_RETURN(const auto rows, ReadSpreadsheet(ctx.request));
  storage::WriteTx tx(ctx.db);  // committed by ImportAnswer, or not
  ASSIGN_OR_RETURN(const auto report, import(tx, id, rows, dry_run));
  return ImportAnswer(tx, report, dry_run);
}

}  // namespace capdev::app
