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

}  // namespace

domain::StatusOr<Response> RunImport(Context& ctx,
                                     const services::ImportOptions& options,
                                     const Importer& import) {
  ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
  RETURN_IF_ERROR(services::Load<domain::Workshop>(ctx.db, id));
  ASSIGN_OR_RETURN(const auto rows, ReadSpreadsheet(ctx.request));
  if (options.dry_run && import.check) {
    ASSIGN_OR_RETURN(const auto report, import.check(ctx.db, id, rows));
    return JsonResponse(200, report.ToJson());
  }
  if (!options.dry_run && import.plan) {
    ASSIGN_OR_RETURN(auto planned, import.plan(ctx.db, id, rows, options));
    if (planned.report) {
      if (!services::ImportShouldCommit(*planned.report, options))
        return Problem(services::ImportRefusal(*planned.report),
                       planned.report->ToJson());
      return JsonResponse(200, planned.report->ToJson());
    }
    // The writer runs the writes alone, and answers.
    Response deferred;
    deferred.then_write = [write = std::move(planned.write),
                           options](storage::Database& db) -> Response {
      auto answer = [&]() -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(auto tx, storage::WriteTx::Begin(db));
        ASSIGN_OR_RETURN(const auto report, write(tx));
        if (!services::ImportShouldCommit(report, options))
          return Problem(services::ImportRefusal(report), report.ToJson());
        RETURN_IF_ERROR(tx.Commit());
        return JsonResponse(200, report.ToJson());
      }();
      return answer.ok() ? std::move(*answer) : Problem(answer.status());
    };
    return deferred;
  }
  // Committed below, or rolled back.
  ASSIGN_OR_RETURN(auto tx, storage::WriteTx::Begin(ctx.db));
  ASSIGN_OR_RETURN(const auto report, import.write(tx, id, rows, options));
  if (options.dry_run) return JsonResponse(200, report.ToJson());
  if (!services::ImportShouldCommit(report, options))
    return Problem(services::ImportRefusal(report), report.ToJson());
  RETURN_IF_ERROR(tx.Commit());
  return JsonResponse(200, report.ToJson());
}

}  // namespace capdev::api
