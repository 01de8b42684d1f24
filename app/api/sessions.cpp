#include "app/api/crud.hpp"
#include "app/api/nested.hpp"
#include "app/api/routes.hpp"
#include "domain/session.hpp"

namespace capdev::app {

void AddSessionRoutes(Router& router) {
  CrudHooks<domain::Session> hooks;
  hooks.entity = "session";
  hooks.collection = "/api/v1/workshops/{id}/sessions";
  hooks.item_param = "session_id";
  hooks.filter = [](Context& ctx) {
    return storage::SessionFilter{RequireWorkshop(ctx).id};
  };
  hooks.make = [](Context& ctx) {
    domain::Session s;
    s.workshop_id = ctx.Id("id");
    return s;
  };
  hooks.in_scope = [](Context& ctx, const domain::Session& s) {
    return s.workshop_id == ctx.Id("id");
  };
  hooks.validate = [](Context& ctx, const domain::Session& s) {
    return domain::Validate(s, RequireWorkshop(ctx));
  };
  hooks.conflict_workshop = [](const domain::Session& s) {
    return std::optional<std::int64_t>(s.workshop_id);
  };
  AddCrudRoutes(router, hooks);
}

}  // namespace capdev::app
