// /api/v1/workshops and their partner institutions
// (/api/v1/workshops/{id}/organizations).

#include "app/services/workshops.hpp"

#include "app/api/common.hpp"
#include "app/api/record_routes.hpp"
#include "app/api/routes.hpp"
#include "storage/parties.hpp"

namespace capdev::api {

namespace {

domain::StatusOr<Listing<storage::WorkshopFilter>> ReadWorkshopList(Query& q) {
  const auto page = q.Page();
  static constexpr std::string_view kSorts[] = {"start_date"};
  storage::WorkshopFilter f{
      .project_id = q.Id("project_id"),
      .status = q.Enum<domain::WorkshopStatus>("status"),
      .kind = q.Enum<domain::WorkshopKind>("kind"),
      .city = q.Text("city"),
      .q = q.Text("q"),
      .organization_id = q.Id("organization_id"),
      .from = q.Date("from"),
      .to = q.Date("to"),
      // Newest first, as a person reads a list of
      // workshops; `sort=start_date` the oldest first.
      .order = q.OneOf("sort", kSorts) ? storage::WorkshopOrder::kOldestFirst
                                       : storage::WorkshopOrder::kNewestFirst};
  RETURN_IF_ERROR(q.Check());
  if (f.from && f.to && *f.to < *f.from) {
    return domain::Status::Malformed(
        "error.to_before_from",
        {{"to", domain::kNotBefore,
          domain::Message("error.not_before",
                          {{"other", domain::FieldTerm("from")}})}});
  }
  return Listing<storage::WorkshopFilter>{f, page};
}

}  // namespace

json::object Answer(const domain::Workshop& workshop) {
  json::object o = Encode(workshop);
  json::array allowed;
  for (const auto to :
       domain::AllowedTransitions(workshop, domain::Date::Today()))
    allowed.push_back(ToJson(to));
  o["allowed_transitions"] = std::move(allowed);
  return o;
}

void AddWorkshopRoutes(Router& router) {
  const std::string list = "/api/v1/workshops";
  AddRecordRoutes(router, RecordRoutes{.list = list,
                                       .list_query = ReadWorkshopList,
                                       .create = services::CreateWorkshop,
                                       .update = services::UpdateWorkshop,
                                       .remove = services::DeleteWorkshop});
  AddSetRoutes<domain::Workshop, domain::WorkshopParty>(
      router, list + "/{id}/organizations", storage::WorkshopParties,
      services::ReplaceWorkshopParties);
}

}  // namespace capdev::api
