#include "app/services/projects.hpp"

#include "storage/parties.hpp"

namespace capdev::services {

domain::StatusOr<domain::Project> CreateProject(
    storage::WriteTx& tx, const domain::Principal& by,
    const domain::Draft<domain::Project>& draft) {
  const auto project = draft.ApplyTo({});
  RETURN_IF_ERROR(domain::Combine(draft.errors, domain::Validate(project)));
  return SaveNew(tx, &by, project);
}

domain::StatusOr<domain::Project> UpdateProject(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Project>& draft) {
  ASSIGN_OR_RETURN(const auto before, Load<domain::Project>(tx.db(), id));
  const auto after = draft.ApplyTo(before);
  RETURN_IF_ERROR(domain::Combine(draft.errors, domain::Validate(after)));
  return SaveChanged(tx, &by, before, after);
}

domain::Status DeleteProject(storage::WriteTx& tx, const domain::Principal& by,
                             std::int64_t id) {
  ASSIGN_OR_RETURN(const auto project, Load<domain::Project>(tx.db(), id));
  return Remove(tx, &by, project);
}

domain::StatusOr<std::vector<domain::ProjectParty>> ReplaceProjectParties(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t project_id,
    std::span<const domain::ProjectParty> parties,
    const domain::Errors& decoding) {
  RETURN_IF_ERROR(Load<domain::Project>(tx.db(), project_id));
  RETURN_IF_ERROR(domain::Combine(decoding, domain::ValidateParties(parties)));
  ASSIGN_OR_RETURN(const auto before,
                   storage::ProjectParties(tx.db(), project_id));
  RETURN_IF_ERROR(storage::ReplaceProjectParties(tx, project_id, parties));
  ASSIGN_OR_RETURN(auto after, storage::ProjectParties(tx.db(), project_id));
  RETURN_IF_ERROR(Audit(tx, &by, "replace", "project_organizations", project_id,
                        codec::EncodeAll(before), codec::EncodeAll(after)));
  return after;
}

}  // namespace capdev::services
