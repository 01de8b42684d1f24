// Scheduling: the calendar (JSON and RFC 5545 feeds) and a workshop's double
// bookings.

#include "app/api/common.hpp"
#include "app/api/routes.hpp"
#include "app/reports/ics.hpp"
#include "domain/workshop.hpp"
#include "storage/schedule_queries.hpp"

namespace capdev::api {

namespace {

// Longest range a calendar request covers, to bound the answer.
constexpr int kMaxCalendarDays = 2 * 366;

// `defaults`: a subscribed feed has no parameters: last year to two years
// ahead.
domain::StatusOr<storage::CalendarFilter> ReadFilter(Query& q, bool defaults) {
  auto from = q.Date("from");
  auto to = q.Date("to");
  const auto project_id = q.Id("project_id");
  const auto city = q.Text("city");
  if (defaults) {
    const auto today = domain::Date::Today();
    if (!from) from = today.AddDays(-366);
    if (!to) to = from->AddDays(kMaxCalendarDays);
  }
  const domain::Date first = q.Required(from, "from");
  const domain::Date last = q.Required(to, "to");
  RETURN_IF_ERROR(q.Check());
  if (last < first || first.DaysUntil(last) > kMaxCalendarDays) {
    return domain::Status::Malformed(
        domain::Message("error.calendar_range", {{"days", kMaxCalendarDays}}),
        {{"to", domain::kOutOfRange,
          domain::Message("error.calendar_range_field",
                          {{"days", kMaxCalendarDays}})}});
  }
  return storage::CalendarFilter{first, last, project_id, city};
}

struct ConflictRange {
  domain::Date from;
  std::optional<domain::Date> to;
};

// `from` today by default, `to` open; `to` before `from` is a 400.
domain::StatusOr<ConflictRange> ReadConflictRange(Query& q) {
  const auto from = q.Date("from");
  const auto to = q.Date("to");
  RETURN_IF_ERROR(q.Check());
  ConflictRange range{from.value_or(domain::Date::Today()), to};
  if (range.to && *range.to < range.from) {
    return domain::Status::Malformed(
        "error.to_before_from",
        {{"to", domain::kNotBefore,
          domain::Message("error.not_before",
                          {{"other", domain::FieldTerm("from")}})}});
  }
  return range;
}

Response Calendar(std::string body, const std::string& filename) {
  Response r{200, "text/calendar; charset=utf-8", std::move(body), {}};
  r.headers.emplace_back("Content-Disposition",
                         "inline; filename=\"" + filename + "\"");
  return r;
}

}  // namespace

void AddScheduleRoutes(Router& router) {
  using P = domain::Permission;

  router.Add(
      kGet, "/api/v1/calendar", P::kReadRecords,
      [](Query& q) { return ReadFilter(q, false); },
      [](Context& ctx,
         const storage::CalendarFilter& filter) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto sessions,
                         storage::CalendarSessions(ctx.db, filter));
        json::array items;
        for (const auto& e : sessions) {
          json::object item = Encode(e.session);
          const auto& w = e.workshop;
          item["workshop"] = {{"id", w.id},
                              {"title", w.title},
                              {"kind", ToJson(w.kind)},
                              {"status", ToJson(w.status)},
                              {"project_id", w.project_id},
                              {"project_code", e.project_code},
                              {"city", ToJson(w.city)},
                              {"venue", ToJson(w.venue)}};
          items.push_back(std::move(item));
        }
        return JsonResponse(200, json::object{{"items", std::move(items)},
                                              {"next_cursor", nullptr}});
      });

  router
      .Add(
          kGet, "/api/v1/calendar.ics", P::kReadCalendar,
          [](Query& q) { return ReadFilter(q, true); },
          [](Context& ctx, const storage::CalendarFilter& filter)
              -> domain::StatusOr<Response> {
            ASSIGN_OR_RETURN(const auto workshops,
                             storage::CalendarWorkshops(ctx.db, filter));
            return Calendar(
                reports::RenderCalendar("capdev workshops", workshops,
                                        domain::NowUtc(true)),
                "capdev.ics");
          })
      .LongRunning()
      .CalendarFeed();

  router
      .Add(kGet, "/api/v1/workshops/{id}.ics", P::kReadCalendar,
           [](Context& ctx) -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
             ASSIGN_OR_RETURN(const auto workshop,
                              storage::CalendarWorkshopById(ctx.db, id));
             if (!workshop) {
               RETURN_IF_ERROR(services::Load<domain::Workshop>(ctx.db, id));
               return domain::Status::FailedPrecondition(
                   domain::Message("error.workshop_without_dates",
                                   {{"id", std::to_string(id)}}));
             }
             return Calendar(
                 reports::RenderCalendar(workshop->workshop.title, {*workshop},
                                         domain::NowUtc(true)),
                 "workshop-" + std::to_string(id) + ".ics");
           })
      .CalendarFeed();

  // Every clash between workshops in the range, each once, naming both.
  router.Add(kGet, "/api/v1/conflicts", P::kReadRecords, ReadConflictRange,
             [](Context& ctx,
                const ConflictRange& range) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(
                   const auto found,
                   storage::ConflictsBetween(ctx.db, range.from, range.to));
               json::array items;
               for (const auto& between : found) {
                 auto item = ConflictJson(between.conflict);
                 item["workshop_title"] = between.workshop_title;
                 items.push_back(std::move(item));
               }
               return JsonResponse(
                   200, json::object{
                            {"from", range.from.ToString()},
                            {"to", range.to ? json::value(range.to->ToString())
                                            : json::value(nullptr)},
                            {"items", std::move(items)},
                            {"next_cursor", nullptr}});
             });

  router.Add(kGet, "/api/v1/workshops/{id}/conflicts", P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               RETURN_IF_ERROR(services::Load<domain::Workshop>(ctx.db, id));
               ASSIGN_OR_RETURN(const auto conflicts,
                                storage::ConflictsOf(ctx.db, id));
               return JsonResponse(200,
                                   json::object{{"workshop_id", id},
                                                {"items", ToJson(conflicts)},
                                                {"next_cursor", nullptr}});
             });
}

}  // namespace capdev::api
