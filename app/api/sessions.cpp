// /api/v1/workshops/{id}/sessions: the days attendance is taken on.

#include "app/services/sessions.hpp"

#include "app/api/common.hpp"
#include "app/api/record_routes.hpp"
#include "app/api/routes.hpp"
#include "domain/workshop.hpp"

namespace capdev::api {

void AddSessionRoutes(Router& router) {
  const std::string list = "/api/v1/workshops/{id}/sessions";
  AddRecordRoutes(router,
                  RecordRoutes{.list = list,
                               .item = list + "/{session_id}",
                               .list_query = PageOnly<storage::SessionFilter>,
                               .parent = ListedUnder<domain::Workshop>(
                                   &storage::SessionFilter::workshop_id),
                               .load = services::LoadSession,
                               .create = services::CreateSession,
                               .update = services::UpdateSession,
                               .remove = services::DeleteSession});
}

}  // namespace capdev::api
