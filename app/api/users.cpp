// /api/v1/users (admin): who may sign in, with which role.

#include "app/services/users.hpp"

#include "app/api/common.hpp"
#include "app/api/routes.hpp"
#include "app/services/credentials.hpp"

namespace capdev::api {

namespace {

json::object AccountJson(const storage::Account& a) {
  return {{"id", a.id},
          {"username", a.username},
          {"role", ToJson(a.role)},
          {"organization_id", ToJson(a.organization_id)},
          {"disabled", a.disabled},
          {"created_at", a.created_at}};
}

// A users POST or PATCH body; the password is hashed here, before the write
// transaction, because hashing is slow.
domain::StatusOr<services::UserChange> ReadChange(Context& ctx, bool create) {
  ASSIGN_OR_RETURN(const auto body, ParseObject(ctx.request));
  services::UserChange change;
  auto& errors = change.errors;
  for (const auto& [key, value] : body) {
    const std::string field(key);
    if (field == "username" && create) {
      FromJson(value, change.username.emplace(), field, errors);
    } else if (field == "role") {
      FromJson(value, change.role.emplace(), field, errors);
    } else if (field == "organization_id") {
      FromJson(value, change.organization_id.emplace(), field, errors);
    } else if (field == "disabled" && !create) {
      FromJson(value, change.disabled.emplace(), field, errors);
    } else if (field == "password") {
      std::string password;
      FromJson(value, password, field, errors);
      if (password.size() < services::kMinPassword || password.size() > 1024) {
        errors.Add(
            field, domain::kOutOfRange,
            domain::Message("error.password_length",
                            {{"min", services::kMinPassword}, {"max", 1024}}));
      } else {
        change.password_hash = services::HashPassword(password);
      }
    } else if (field != "id") {
      if (create || field != "username") {
        errors.Add(field, domain::kNotAllowed, "error.not_a_field_of_resource");
      } else {
        errors.Add(field, domain::kNotAllowed, "error.read_only");
      }
    }
  }
  return change;
}

}  // namespace

void AddUserRoutes(Router& router) {
  using P = domain::Permission;

  router.Add(
      kGet, "/api/v1/users", P::kAdmin, ReadPage,
      [](Context& ctx,
         const storage::PageRequest& page) -> domain::StatusOr<Response> {
        // Few users: paged here, in id order, like every other list.
        ASSIGN_OR_RETURN(const auto accounts, storage::ListAccounts(ctx.db));
        json::array items;
        json::value next = nullptr;
        for (const auto& a : accounts) {
          if (a.id <= page.after_id) continue;
          if (static_cast<int>(items.size()) == page.limit) {
            next = json::string(EncodeCursor(items.back().at("id").as_int64()));
            break;
          }
          items.push_back(AccountJson(a));
        }
        return JsonResponse(200, json::object{{"items", std::move(items)},
                                              {"next_cursor", next}});
      });

  router.Add(kGet, "/api/v1/users/{id}", P::kAdmin,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto account,
                                storage::AccountById(ctx.db, id));
               if (!account)
                 return domain::Status::NotFound("error.no_such_user");
               return JsonResponse(200, AccountJson(*account));
             });

  router.Add(kPost, "/api/v1/users", P::kAdmin,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto change, ReadChange(ctx, true));
               ASSIGN_OR_RETURN(const auto account, Write(ctx, [&](auto& tx) {
                                  return services::CreateUser(tx, ctx.user,
                                                              change);
                                }));
               return Created(ctx, AccountJson(account));
             });

  router.Add(kPatch, "/api/v1/users/{id}", P::kAdmin,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto change, ReadChange(ctx, false));
               ASSIGN_OR_RETURN(const auto account, Write(ctx, [&](auto& tx) {
                                  return services::UpdateUser(tx, ctx.user, id,
                                                              change);
                                }));
               return JsonResponse(200, AccountJson(account));
             });
}

}  // namespace capdev::api
