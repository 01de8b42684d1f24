#include "app/api/crud.hpp"
#include "app/api/routes.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"

namespace capdev::app {

void AddPersonRoutes(Router& router) {
  CrudHooks<domain::Person> hooks;
  hooks.entity = "person";
  hooks.collection = "/api/v1/people";
  hooks.filter = [](Context& ctx) {
    return storage::PersonFilter{ctx.query.Id("organization_id"),
                                 ctx.query.Text("q")};
  };
  hooks.check_references = [](Context& ctx, const domain::Person& p,
                              domain::Errors& errors) {
    CheckExists<domain::Organization>(ctx, "organization_id", p.organization_id,
                                      errors);
  };
  AddCrudRoutes(router, hooks);
}

}  // namespace capdev::app
