#include "app/services/conflict_guard.hpp"
#include "app/api/nested.hpp"
#include "app/api/routes.hpp"
#include "app/reports/ics.hpp"
#include "app/http/json_codec.hpp"
#include "app/http/query.hpp"
#include "app/status_error.hpp"
#include "storage/schedule_queries.hpp"

namespace capdev::app {

namespace {

// Longest range a calendar request covers, to bound the answer.
constexpr int kMaxCalendarDays = 2 * 366;

storage::CalendarFilter ReadFilter(Context& ctx, bool defaults) {
  const auto& q = ctx.query;
  auto from = q.Date("from");
  auto to = q.Date("to");
  if (defaults) {
    // A subscribed feed has no parameters: last year to two years ahead.
    const auto today = domain::Date::Today();
    if (!from) from = today.AddDays(-366);
    if (!to) to = from->AddDays(kMaxCalendarDays);
  }
  for (auto [name, value] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    if (!*value) {
      throw StatusError(domain::Status::Malformed(
          std::string("query parameter '") + name + "' is required",
          {{name, "is required"}}));
    }
  }
  if (*to < *from || from->DaysUntil(*to) > kMaxCalendarDays) {
    throw StatusError(domain::Status::Malformed(
        "'to' must be on or after 'from' and at most " +
            std::to_string(kMaxCalendarDays) + " days later",
        {{"to", "must be from 'from' to " + std::to_string(kMaxCalendarDays) +
                    " days after it"}}));
  }
  return {*from, *to, q.Id("project_id"), q.Text("city")};
}

Response Calendar(std::string body, const std::string& filename) {
  Response r{200, "text/calendar; charset=utf-8", std::move(body), {}};
  r.headers.emplace_back("Content-Disposition",
                         "inline; filename=\"" + filename + "\"");
  return r;
}

}  // namespace

void AddScheduleRoutes(Router& router) {
  router.Add("GET", "/api/v1/calendar", [](Context& ctx) {
    json::array items;
    for (const auto& e :
         storage::CalendarSessions(ctx.db, ReadFilter(ctx, false))) {
      json::object item = Encode(e.session);
      const auto& w = e.workshop;
      item["workshop"] = {{"id", w.id},
                          {"title", w.title},
                          {"kind", w.kind},
                          {"status", w.status},
                          {"project_id", w.project_id},
                          {"project_code", e.project_code},
                          {"city", ToJson(w.city)},
                          {"venue", ToJson(w.venue)}};
      items.push_back(std::move(item));
    }
    return JsonResponse(200, json::object{{"items", std::move(items)},
                                          {"next_cursor", nullptr}});
  });

  router.Add("GET", "/api/v1/calendar.ics", [](Context& ctx) {
    auto workshops = storage::CalendarWorkshops(ctx.db, ReadFilter(ctx, true));
    return Calendar(
        RenderCalendar("capdev workshops", workshops, domain::NowUtc(true)),
        "capdev.ics");
  });

  router.Add("GET", "/api/v1/workshops/{id}.ics", [](Context& ctx) {
    const auto id = ctx.Id("id");
    auto workshop = storage::CalendarWorkshopById(ctx.db, id);
    if (!workshop) {
      RequireWorkshop(ctx);  // 404 when it does not exist at all
      throw StatusError(domain::Status::FailedPrecondition(
          "workshop " + std::to_string(id) +
          " has no dates to put in a calendar"));
    }
    return Calendar(RenderCalendar(workshop->workshop.title, {*workshop},
                                   domain::NowUtc(true)),
                    "workshop-" + std::to_string(id) + ".ics");
  });

  router.Add("GET", "/api/v1/workshops/{id}/conflicts", [](Context& ctx) {
    const auto workshop = RequireWorkshop(ctx);
    return JsonResponse(
        200,
        json::object{
            {"workshop_id", workshop.id},
            {"items", ConflictsJson(storage::ConflictsOf(ctx.db, workshop.id))},
            {"next_cursor", nullptr}});
  });
}

}  // namespace capdev::app
