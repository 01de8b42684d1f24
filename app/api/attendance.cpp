// Attendance: a session's sheet (GET/PUT) and a workshop's sign-in matrix.

#include "app/api/common.hpp"
#include "app/api/routes.hpp"
#include "app/reports/reports.hpp"
#include "app/services/attendance.hpp"
#include "app/services/sessions.hpp"
#include "domain/workshop.hpp"
#include "storage/attendance_repository.hpp"

namespace capdev::app {

void AddAttendanceRoutes(Router& router) {
  using P = domain::Permission;
  const std::string sheet =
      "/api/v1/workshops/{id}/sessions/{session_id}/attendance";

  router.Add(kGet, sheet, P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto session_id, ctx.Id("session_id"));
               RETURN_IF_ERROR(Load<domain::Workshop>(ctx.db, id));
               RETURN_IF_ERROR(LoadSession(ctx.db, id, session_id));
               return JsonResponse(
                   200, SheetJson(session_id,
                                  storage::Sheet(ctx.db, session_id)));
             });

  router.Add(kPut, sheet, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto session_id, ctx.Id("session_id"));
               ASSIGN_OR_RETURN(const auto body,
                                ReadList<domain::AttendanceMark>(ctx));
               ASSIGN_OR_RETURN(const auto marks, Write(ctx, [&](auto& tx) {
                                  return ReplaceSheet(tx, *ctx.user, id,
                                                      session_id, body.first,
                                                      body.second);
                                }));
               return JsonResponse(200, SheetJson(session_id, marks));
             });

  router.Add(kGet, "/api/v1/workshops/{id}/attendance", P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               RETURN_IF_ERROR(Load<domain::Workshop>(ctx.db, id));
               return JsonResponse(
                   200, MatrixJson(storage::Matrix(ctx.db, id), id));
             });
}

}  // namespace capdev::app
