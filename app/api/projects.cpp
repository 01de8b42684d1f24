// /api/v1/projects and their parties (/api/v1/projects/{id}/organizations).

#include "app/services/projects.hpp"

#include "app/api/common.hpp"
#include "app/api/record_routes.hpp"
#include "app/api/routes.hpp"
#include "storage/parties.hpp"

namespace capdev::api {

void AddProjectRoutes(Router& router) {
  const std::string list = "/api/v1/projects";
  AddRecordRoutes(
      router,
      RecordRoutes{
          .list = list,
          .list_query =
              [](Query& q) {
                return Listing<storage::ProjectFilter>{{q.Text("q")}, q.Page()};
              },
          .create = services::CreateProject,
          .update = services::UpdateProject,
          .remove = services::DeleteProject});
  AddSetRoutes<domain::Project, domain::ProjectParty>(
      router, list + "/{id}/organizations", storage::ProjectParties,
      services::ReplaceProjectParties);
}

}  // namespace capdev::api
