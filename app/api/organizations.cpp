#include "app/api/crud.hpp"
#include "app/api/routes.hpp"
#include "domain/organization.hpp"

namespace capdev::app {

void AddOrganizationRoutes(Router& router) {
  CrudHooks<domain::Organization> hooks;
  hooks.entity = "organization";
  hooks.collection = "/api/v1/organizations";
  hooks.filter = [](Context& ctx) {
    return storage::OrganizationFilter{
        ctx.query.OneOf("kind", domain::kOrganizationKinds),
        ctx.query.Text("q")};
  };
  hooks.check_references = [](Context& ctx, const domain::Organization& org,
                              domain::Errors& errors) {
    CheckExists<domain::Organization>(ctx, "parent_id", org.parent_id, errors);
    // A parent chain must end: refuse to make an organization its own ancestor.
    storage::Organizations repo(ctx.db);
    int steps = 0;
    for (auto parent = org.parent_id;
         parent && org.id != 0 && ++steps < 1000;) {
      if (*parent == org.id)
        return errors.Add("parent_id", "would make a cycle of parents");
      auto p = repo.Get(*parent);
      parent = p ? p->parent_id : std::nullopt;
    }
  };
  AddCrudRoutes(router, hooks);
}

}  // namespace capdev::app
