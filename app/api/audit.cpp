// /api/v1/audit (admin): who changed what, when.

#include "app/api/common.hpp"
#include "app/api/routes.hpp"
#include "storage/audit_log.hpp"

namespace capdev::api {

void AddAuditRoutes(Router& router) {
  router.Add(
      kGet, "/api/v1/audit", domain::Permission::kAdmin,
      [](Query& q) -> domain::StatusOr<
                       std::pair<storage::AuditFilter, storage::PageRequest>> {
        storage::AuditFilter f{q.Id("user_id"),
                               q.Text("entity"),
                               q.Id("entity_id"),
                               q.Text("action"),
                               {},
                               {}};
        if (auto from = q.Date("from")) f.from = from->ToString();
        if (auto to = q.Date("to")) f.to = to->ToString();
        const auto request = q.Page();
        RETURN_IF_ERROR(q.Check());
        return std::pair{f, request};
      },
      [](Context& ctx,
         const std::pair<storage::AuditFilter, storage::PageRequest>& query)
          -> domain::StatusOr<Response> {
        const auto& [f, request] = query;
        ASSIGN_OR_RETURN(const auto page,
                         storage::ListAudit(ctx.db, f, request));
        const auto parse = [](const std::optional<std::string>& text) {
          return text ? json::parse(*text) : json::value(nullptr);
        };
        json::array items;
        for (const auto& e : page.items) {
          items.push_back({{"id", e.id},
                           {"at", e.at},
                           {"user_id", ToJson(e.user_id)},
                           {"username", ToJson(e.username)},
                           {"action", e.action},
                           {"entity", e.entity},
                           {"entity_id", ToJson(e.entity_id)},
                           {"before", parse(e.before)},
                           {"after", parse(e.after)}});
        }
        return JsonResponse(
            200,
            json::object{{"items", std::move(items)},
                         {"next_cursor",
                          page.next_after_id
                              ? json::value(EncodeCursor(*page.next_after_id))
                              : json::value(nullptr)}});
      });
}

}  // namespace capdev::api
