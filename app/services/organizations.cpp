#include "app/services/organizations.hpp"

#include "storage/organization_merge.hpp"
#include "storage/submissions.hpp"
#include "storage/text_key.hpp"

namespace capdev::services {

namespace {

// The parent exists, and a chain of parents ends: an organization cannot
// become its own ancestor.
domain::Status CheckAndValidate(storage::Database& db,
                                const domain::Organization& org,
                                const domain::Errors& decoding) {
  domain::Errors errors = decoding;
  RETURN_IF_ERROR(CheckExists<domain::Organization>(db, "parent_id",
                                                    org.parent_id, errors));
  int steps = 0;
  for (auto parent = org.parent_id; parent && org.id != 0 && ++steps < 1000;) {
    if (*parent == org.id) {
      errors.Add("parent_id", domain::kInvalid, "error.parent_cycle");
      break;
    }
    ASSIGN_OR_RETURN(const auto p,
                     storage::Get<domain::Organization>(db, *parent));
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

domain::StatusOr<domain::Organization> MergeOrganization(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    std::int64_t into_id) {
  ASSIGN_OR_RETURN(const auto pair,
                   LoadMerge<domain::Organization>(tx.db(), id, into_id));
  const auto& from = pair.first;
  ASSIGN_OR_RETURN(const auto n, storage::SubmissionsFor(tx.db(), id));
  if (n > 0) {
    return domain::Status::FailedPrecondition(domain::Message(
        "error.merge_submitted", {{"n", n}, {"name", from.name}}));
  }
  ASSIGN_OR_RETURN(const auto clashes,
                   storage::FundingClashes(tx.db(), id, into_id));
  if (!clashes.empty()) {
    std::string list;
    for (auto p : clashes)
      list += (list.empty() ? "" : ", ") + std::to_string(p);
    return domain::Status::FailedPrecondition(
        domain::Message("error.merge_currency_clash",
                        {{"n", clashes.size()}, {"projects", list}}));
  }
  RETURN_IF_ERROR(storage::MoveOrganizationRecords(tx, id, into_id));
  // As the move left it (its parent may have changed).
  ASSIGN_OR_RETURN(const auto into,
                   Load<domain::Organization>(tx.db(), into_id));
  auto kept = into;
  for (auto& name : domain::AllNames(from)) {
    const auto key = storage::FoldKey(name);
    bool known = false;
    for (const auto& have : domain::AllNames(kept))
      known = known || storage::FoldKey(have) == key;
    if (!known) kept.aliases.push_back(std::move(name));
  }
  // Within the kept record's own limits (50 aliases).
  RETURN_IF_ERROR(domain::Validate(kept));
  ASSIGN_OR_RETURN(kept, SaveChanged(tx, &by, into, kept));
  RETURN_IF_ERROR(Audit(tx, &by, "merge", "organization", id,
                        codec::Encode(from),
                        json::object{{"merged_into", into_id}}));
  return kept;
}

}  // namespace capdev::services
