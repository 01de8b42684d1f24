#include "app/api/crud.hpp"
#include "app/api/parties.hpp"
#include "app/api/routes.hpp"
#include "domain/project.hpp"
#include "storage/parties.hpp"

namespace capdev::app {

void AddProjectRoutes(Router& router) {
  CrudHooks<domain::Project> hooks;
  hooks.entity = "project";
  hooks.collection = "/api/v1/projects";
  hooks.filter = [](Context& ctx) {
    return storage::ProjectFilter{ctx.query.Text("q")};
  };
  AddCrudRoutes(router, hooks);
  AddPartyRoutes<domain::Project, domain::ProjectParty>(
      router, "/api/v1/projects/{id}/organizations", "project_organizations",
      storage::ProjectParties, storage::ReplaceProjectParties);
}

}  // namespace capdev::app
