#include "domain/attendance.hpp"

#include "app/services/audit.hpp"
#include "app/api/crud.hpp"
#include "app/api/nested.hpp"
#include "app/api/routes.hpp"
#include "app/reports/reports.hpp"
#include "storage/attendance_repository.hpp"

namespace capdev::app {

namespace {

domain::Session RequireSession(Context& ctx, const domain::Workshop& workshop) {
  storage::Sessions sessions(ctx.db);
  const auto id = ctx.Id("session_id");
  auto s = sessions.Get(id);
  if (!s || s->workshop_id != workshop.id)
    throw StatusError(sessions.NotFound(id));
  return *s;
}

json::object SheetJson(Context& ctx, std::int64_t session_id) {
  return {{"session_id", session_id},
          {"items", EncodeAll(storage::Sheet(ctx.db, session_id))},
          {"next_cursor", nullptr}};
}

}  // namespace

void AddAttendanceRoutes(Router& router) {
  const std::string sheet =
      "/api/v1/workshops/{id}/sessions/{session_id}/attendance";

  router.Add("GET", sheet, [](Context& ctx) {
    const auto session = RequireSession(ctx, RequireWorkshop(ctx));
    return JsonResponse(200, SheetJson(ctx, session.id));
  });

  router.Add("PUT", sheet, [](Context& ctx) {
    const json::value body = ParseBody(ctx.request);
    std::int64_t session_id = 0;
    // Checked and written in one transaction: a registration removed
    // meanwhile cannot slip a mark past the check.
    ThrowIfError(storage::WriteTransaction(ctx.db, [&] {
      const auto workshop = RequireWorkshop(ctx);
      const auto session = RequireSession(ctx, workshop);
      session_id = session.id;
      domain::Errors errors;
      auto marks =
          DecodeList<domain::AttendanceMark>(RequireArray(body), errors);
      ThrowIfInvalid(
          errors, domain::ValidateSheet(
                      marks, storage::RegisteredPeople(ctx.db, workshop.id)));
      if (!domain::TakesAttendance(workshop.status)) {
        return domain::Status::FailedPrecondition(
            "attendance is taken only for a confirmed or held workshop; this "
            "one is " +
            workshop.status);
      }
      if (*session.date > domain::Date::Today()) {
        return domain::Status::FailedPrecondition("the session on " +
                                                  session.date->ToString() +
                                                  " has not taken place yet");
      }
      const json::value before = SheetJson(ctx, session.id);
      storage::ReplaceSheet(ctx.db, workshop.id, session.id, marks);
      Audit(ctx, "replace", "attendance", session.id, before,
            SheetJson(ctx, session.id));
      return domain::Status::Ok();
    }));
    return JsonResponse(200, SheetJson(ctx, session_id));
  });

  router.Add("GET", "/api/v1/workshops/{id}/attendance", [](Context& ctx) {
    const auto workshop = RequireWorkshop(ctx);
    return JsonResponse(
        200, MatrixJson(storage::Matrix(ctx.db, workshop.id), workshop.id));
  });
}

}  // namespace capdev::app
