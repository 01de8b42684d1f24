#include "app/services/organizations.hpp"

namespace capdev::app {

namespace {

// The parent exists, and a chain of parents ends: an organization cannot
// become its own ancestor.
domain::Status CheckAndValidate(storage::Database& db,
                                const domain::Organization& org,
                                const domain::Errors& decoding) {
  domain::Errors errors = decoding;
  CheckExists<domain::Organization>(db, "parent_id", org.parent_id, errors);
  int steps = 0;
  for (auto parent = org.parent_id; parent && org.id != 0 && ++steps < 1000;) {
    if (*parent == org.id) {
      errors.Add("parent_id", "would make a cycle of parents");
      break;
    }
    auto p = storage::Get<domain::Organization>(db, *parent);
    parent = p ? p->parent_id : std::nullopt;
  }
  return domain::Combine(errors, domain::Validate(org));
}

}  // namespace

domain::StatusOr<domain::Organization> CreateOrganization(
    storage::WriteTx& tx, const domain::Principal& by,
    const domain::Draft<domain::Organization>& draft) {
  const auto org = draft.ApplyTo({});
  RETURN_IF_ERROR(CheckAndValidate(tx.db(), org, draft.errors));
  return SaveNew(tx, &by, org);
}

domain::StatusOr<domain::Organization> UpdateOrganization(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Organization>& draft) {
  ASSIGN_OR_RETURN(const auto before, Load<domain::Organization>(tx.db(), id));
  const auto after = draft.ApplyTo(before);
  RETURN_IF_ERROR(CheckAndValidate(tx.db(), after, draft.errors));
  return SaveChanged(tx, &by, before, after);
}

domain::Status DeleteOrganization(storage::WriteTx& tx,
                                  const domain::Principal& by,
                                  std::int64_t id) {
  ASSIGN_OR_RETURN(const auto org, Load<domain::Organization>(tx.db(), id));
  return Remove(tx, &by, org);
}

}  // namespace capdev::app
