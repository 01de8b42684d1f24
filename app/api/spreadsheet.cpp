#include "app/api/spreadsheet.hpp"

#include <spdlog/spdlog.h>

#include "app/api/common.hpp"
#include "app/codec/json_codec.hpp"
#include "app/formats/csv_reader.hpp"
#include "app/formats/xlsx_reader.hpp"
#include "app/http/problem.hpp"
#include "app/i18n/catalog.hpp"
#include "domain/import_columns.hpp"
#include "domain/workshop.hpp"

namespace capdev::api {

namespace {

// A refusal carrying the report, both in the reader's language.
Response Refusal(services::ImportReport report) {
  const auto refusal = services::ImportRefusal(report);
  return Problem(refusal, [report = std::move(report)](domain::Language lang) {
    return report.ToJson(lang);
  });
}

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
      domain::Message("error.send_spreadsheet", {{"xlsx", kXlsxType}}),
      {{"Content-Type", domain::kUnknownValue,
        domain::Message("error.spreadsheet_type", {{"xlsx", kXlsxType}})}});
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
    return JsonResponse(200, report.ToJson(ctx.language));
  }
  if (!options.dry_run && import.plan) {
    ASSIGN_OR_RETURN(auto planned, import.plan(ctx.db, id, rows, options));
    if (planned.report) {
      if (!services::ImportShouldCommit(*planned.report, options))
        return Refusal(std::move(*planned.report));
      return JsonResponse(200, planned.report->ToJson(ctx.language));
    }
    // The writer runs the writes alone, and answers (in the reader's
    // language: this answer replaces the one the router gave it).
    Response deferred;
    deferred.then_write =
        [write = std::move(planned.write), options,
         language = ctx.language](storage::Database& db) -> Response {
      auto answer = [&]() -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(auto tx, storage::WriteTx::Begin(db));
        ASSIGN_OR_RETURN(auto report, write(tx));
        if (!services::ImportShouldCommit(report, options))
          return Refusal(std::move(report));
        RETURN_IF_ERROR(tx.Commit());
        return JsonResponse(200, report.ToJson(language));
      }();
      // A bug's detail is logged here, as the router logs its own.
      if (!answer.ok() && answer.status().code() == domain::Code::kInternal)
        spdlog::error("an import's writes failed: {}",
                      i18n::LogText(answer.status()));
      Response r = answer.ok() ? std::move(*answer) : Problem(answer.status());
      r.language = language;
      return r;
    };
    return deferred;
  }
  // Committed below, or rolled back.
  ASSIGN_OR_RETURN(auto tx, storage::WriteTx::Begin(ctx.db));
  ASSIGN_OR_RETURN(auto report, import.write(tx, id, rows, options));
  if (options.dry_run) return JsonResponse(200, report.ToJson(ctx.language));
  if (!services::ImportShouldCommit(report, options))
    return Refusal(std::move(report));
  RETURN_IF_ERROR(tx.Commit());
  return JsonResponse(200, report.ToJson(ctx.language));
}

}  // namespace capdev::api
