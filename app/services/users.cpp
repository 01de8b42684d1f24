#include "app/services/users.hpp"

#include "app/services/audit.hpp"
#include "app/services/records.hpp"
#include "domain/organization.hpp"

namespace capdev::services {

namespace {

storage::Account Apply(const UserChange& change, storage::Account account) {
  if (change.username) account.username = *change.username;
  if (change.role) account.role = *change.role;
  if (change.organization_id) account.organization_id = *change.organization_id;
  if (change.disabled) account.disabled = *change.disabled;
  if (change.password_hash) account.password_hash = *change.password_hash;
  return account;
}

domain::Status CheckAndValidate(storage::Database& db,
                                const storage::Account& account,
                                std::optional<domain::Role> role,
                                const domain::Errors& decoding) {
  domain::Errors errors = decoding;
  RETURN_IF_ERROR(CheckExists<domain::Organization>(
      db, "organization_id", account.organization_id, errors));
  return domain::Combine(
      errors,
      domain::ValidateAccount(account.username, role, account.organization_id));
}

// 409 when the change would leave no enabled admin to manage users.
domain::Status KeepsAnAdmin(storage::Database& db,
                            const storage::Account& changed) {
  using domain::Role;
  if (changed.role == Role::kAdmin && !changed.disabled)
    return domain::Status::Ok();
  ASSIGN_OR_RETURN(const auto accounts, storage::ListAccounts(db));
  for (const auto& a : accounts) {
    if (a.id != changed.id && a.role == Role::kAdmin && !a.disabled)
      return domain::Status::Ok();
  }
  return domain::Status::FailedPrecondition("error.last_admin");
}

// The audit trail's view of a user: never the password hash.
json::object AuditJson(const storage::Account& a) {
  return {{"id", a.id},
          {"username", a.username},
          {"role", codec::ToJson(a.role)},
          {"organization_id", codec::ToJson(a.organization_id)},
          {"disabled", a.disabled}};
}

}  // namespace

domain::StatusOr<storage::Account> CreateUser(storage::WriteTx& tx,
                                              const domain::Principal* by,
                                              const UserChange& change) {
  auto account = Apply(change, {});
  domain::Errors decoding = change.errors;
  if (!change.password_hash && !decoding.Has("password"))
    decoding.Add("password", domain::kRequired);
  RETURN_IF_ERROR(CheckAndValidate(tx.db(), account, change.role, decoding));
  ASSIGN_OR_RETURN(account.id, storage::AddAccount(tx, account));
  ASSIGN_OR_RETURN(auto stored, storage::AccountById(tx.db(), account.id));
  if (!stored) return domain::Status::NotFound("error.no_such_user");
  RETURN_IF_ERROR(
      Audit(tx, by, "create", "user", stored->id, nullptr, AuditJson(*stored)));
  return std::move(*stored);
}

domain::StatusOr<storage::Account> UpdateUser(storage::WriteTx& tx,
                                              const domain::Principal* by,
                                              std::int64_t id,
                                              const UserChange& change) {
  ASSIGN_OR_RETURN(const auto before, storage::AccountById(tx.db(), id));
  if (!before) return domain::Status::NotFound("error.no_such_user");
  const auto after = Apply(change, *before);
  RETURN_IF_ERROR(CheckAndValidate(tx.db(), after, after.role, change.errors));
  RETURN_IF_ERROR(KeepsAnAdmin(tx.db(), after));
  RETURN_IF_ERROR(storage::UpdateAccount(tx, after));
  ASSIGN_OR_RETURN(auto stored, storage::AccountById(tx.db(), id));
  if (!stored) return domain::Status::NotFound("error.no_such_user");
  RETURN_IF_ERROR(Audit(tx, by, "update", "user", id, AuditJson(*before),
                        AuditJson(*stored)));
  return std::move(*stored);
}

}  // namespace capdev::services
