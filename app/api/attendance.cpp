// Attendance: a session's sheet (GET/PUT) and a workshop's sign-in matrix.

#include "app/services/attendance.hpp"

#include "app/api/common.hpp"
#include "app/api/report_params.hpp"
#include "app/api/routes.hpp"
#include "app/api/spreadsheet.hpp"
#include "app/formats/xlsx_writer.hpp"
#include "app/reports/reports.hpp"
#include "app/reports/signin_sheets.hpp"
#include "app/services/sessions.hpp"
#include "domain/workshop.hpp"
#include "storage/attendance_repository.hpp"

namespace capdev::api {

void AddAttendanceRoutes(Router& router) {
  using P = domain::Permission;
  const std::string sheet =
      "/api/v1/workshops/{id}/sessions/{session_id}/attendance";

  router.Add(kGet, sheet, P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto session_id, ctx.Id("session_id"));
               RETURN_IF_ERROR(services::Load<domain::Workshop>(ctx.db, id));
               RETURN_IF_ERROR(services::LoadSession(ctx.db, id, session_id));
               ASSIGN_OR_RETURN(const auto marks,
                                storage::Sheet(ctx.db, session_id));
               return JsonResponse(200, SheetJson(session_id, marks));
             });

  router.Add(kPut, sheet, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto session_id, ctx.Id("session_id"));
               ASSIGN_OR_RETURN(const auto body,
                                ReadList<domain::AttendanceMark>(ctx));
               ASSIGN_OR_RETURN(const auto marks, Write(ctx, [&](auto& tx) {
                                  return services::ReplaceSheet(
                                      tx, *ctx.user, id, session_id, body.first,
                                      body.second);
                                }));
               return JsonResponse(200, SheetJson(session_id, marks));
             });

  const std::string matrix = "/api/v1/workshops/{id}/attendance";
  // The matrix as JSON, the grid as XLSX or CSV (which imports back), or
  // printable sign-in sheets.
  router.Add(
      kGet, matrix, P::kReadRecords,
      [](Query& q)
          -> domain::StatusOr<
              std::pair<std::string, std::optional<domain::Language>>> {
        static constexpr std::array<std::string_view, 4> kFormats = {
            "json", "xlsx", "csv", "html"};
        auto format = q.OneOf("format", kFormats).value_or("json");
        // The grid's headers; the printed sheets are in both languages.
        auto language = ReadLanguage(q);
        RETURN_IF_ERROR(q.Check());
        return std::pair{std::move(format), language};
      },
      [](Context& ctx,
         const std::pair<std::string, std::optional<domain::Language>>& query)
          -> domain::StatusOr<Response> {
        const auto& [format, language] = query;
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        ASSIGN_OR_RETURN(const auto workshop,
                         services::Load<domain::Workshop>(ctx.db, id));
        ASSIGN_OR_RETURN(const auto snapshot,
                         storage::ReadTransaction::Begin(ctx.db));
        ASSIGN_OR_RETURN(const auto m, storage::Matrix(ctx.db, id));
        if (format == "json")
          return JsonResponse(200, reports::MatrixJson(m, id));
        ASSIGN_OR_RETURN(const auto people, storage::SignInPeople(ctx.db, id));
        if (format == "html") {
          return Response{200,
                          "text/html; charset=utf-8",
                          reports::RenderSignInSheets(workshop, m, people),
                          {}};
        }
        const formats::Sheet grid =
            reports::AttendanceGrid(m, people, language.value_or(ctx.language));
        const std::string name = "sign-in-grid-" + std::to_string(id);
        Response r{200, "text/csv; charset=utf-8", "", {}};
        if (format == "xlsx") {
          ASSIGN_OR_RETURN(r.body, formats::WriteXlsx(std::span(&grid, 1)));
          r.content_type = std::string(kXlsxType);
        } else {
          r.body = reports::RenderSheetCsv(grid);
        }
        r.headers.emplace_back(
            "Content-Disposition",
            "attachment; filename=\"" + name + "." + format + "\"");
        return r;
      });

  // The sign-in grid filled in: a dry run by default (a read, off the
  // writer); a real run sets every mark or none.
  router
      .Add(kPost, matrix + "/import", P::kWriteRecords,
           ReadImportOptions<false>,
           [](Context& ctx, const services::ImportOptions& options) {
             return RunImport(
                 ctx, options,
                 {.check = services::CheckAttendance,
                  .write = [&](storage::WriteTx& tx, std::int64_t id,
                               const formats::Rows& rows,
                               const services::ImportOptions& o) {
                    return services::ImportAttendance(tx, *ctx.user, id, rows,
                                                      o);
                  }});
           })
      .DryRunReads();
}

}  // namespace capdev::api
