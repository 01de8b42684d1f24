#include "app/api/crud.hpp"
#include "app/api/nested.hpp"
#include "app/api/routes.hpp"
#include "domain/person.hpp"
#include "domain/registration.hpp"

namespace capdev::app {

void AddRegistrationRoutes(Router& router) {
  CrudHooks<domain::Registration> hooks;
  hooks.entity = "registration";
  hooks.collection = "/api/v1/workshops/{id}/registrations";
  hooks.item_param = "registration_id";
  hooks.filter = [](Context& ctx) {
    const auto& q = ctx.query;
    return storage::RegistrationFilter{
        RequireWorkshop(ctx).id, q.OneOf("role", domain::kRegistrationRoles),
        q.OneOf("status", domain::kRegistrationStatuses), q.Id("person_id")};
  };
  hooks.make = [](Context& ctx) {
    domain::Registration r;
    r.workshop_id = ctx.Id("id");
    return r;
  };
  hooks.in_scope = [](Context& ctx, const domain::Registration& r) {
    return r.workshop_id == ctx.Id("id");
  };
  hooks.check_references = [](Context& ctx, const domain::Registration& r,
                              domain::Errors& errors) {
    CheckExists<domain::Person>(ctx, "person_id", r.person_id, errors);
  };
  hooks.conflict_workshop = [](const domain::Registration& r) {
    return std::optional<std::int64_t>(r.workshop_id);
  };
  AddCrudRoutes(router, hooks);
}

}  // namespace capdev::app
