#include <spdlog/spdlog.h>

#include <thread>

#include "app/services/audit.hpp"
#include "app/services/auth_service.hpp"
#include "app/services/credentials.hpp"
#include "domain/organization.hpp"
#include "app/api/crud.hpp"
#include "app/api/routes.hpp"
#include "storage/audit_log.hpp"
#include "storage/erasure.hpp"

namespace capdev::app {

namespace {

json::object UserJson(const domain::Principal& p) {
  return {{"id", p.user_id},
          {"username", p.username},
          {"role", p.role},
          {"organization_id", ToJson(p.organization_id)}};
}

json::object AccountJson(const storage::Account& a) {
  return {{"id", a.id},
          {"username", a.username},
          {"role", a.role},
          {"organization_id", ToJson(a.organization_id)},
          {"disabled", a.disabled},
          {"created_at", a.created_at}};
}

constexpr std::size_t kMinPassword = 10;

// Applies a users POST or PATCH body onto `account` (the password hashed).
void DecodeAccount(const json::object& body, storage::Account& account,
                   bool create, domain::Errors& errors) {
  for (const auto& [key, value] : body) {
    const std::string field(key);
    if (field == "username" && create) {
      FromJson(value, account.username, field, errors);
    } else if (field == "role") {
      FromJson(value, account.role, field, errors);
    } else if (field == "organization_id") {
      FromJson(value, account.organization_id, field, errors);
    } else if (field == "disabled" && !create) {
      FromJson(value, account.disabled, field, errors);
    } else if (field == "password") {
      std::string password;
      FromJson(value, password, field, errors);
      if (password.size() < kMinPassword || password.size() > 1024) {
        errors.Add(field, "must be 10 to 1024 characters");
      } else {
        account.password_hash = HashPassword(password);
      }
    } else if (field != "id") {
      errors.Add(field, create || field != "username"
                            ? "is not a field of this resource"
                            : "is read-only");
    }
  }
  if (create && account.password_hash.empty() &&
      !body.contains("password")) {
    errors.Add("password", "is required");
  }
}

// 409 when the change would leave no enabled admin to manage users.
domain::Status KeepsAnAdmin(storage::Database& db,
                            const storage::Account& changed) {
  if (changed.role == "admin" && !changed.disabled) return domain::Status::Ok();
  for (const auto& a : storage::ListAccounts(db)) {
    if (a.id != changed.id && a.role == "admin" && !a.disabled)
      return domain::Status::Ok();
  }
  return domain::Status::FailedPrecondition(
      "this is the last enabled admin; make another admin first");
}

json::object AccountAudit(const storage::Account& a) {
  json::object o = AccountJson(a);
  o.erase("created_at");
  return o;
}

// A required string member of a login body.
std::string Credential(const json::object& body, const char* name,
                       domain::Errors& errors) {
  std::string value;
  if (auto* v = body.if_contains(name)) FromJson(*v, value, name, errors);
  if (value.empty() && errors.list().empty()) errors.Add(name, "is required");
  if (value.size() > 1024) errors.Add(name, "is too long");
  return value;
}

}  // namespace

void AddAccessRoutes(Router& router, std::shared_ptr<AuthService> auth) {
  router.Add("POST", "/api/v1/auth/login", [auth](Context& ctx) {
    const json::value parsed = ParseBody(ctx.request);
    const auto& body = RequireObject(parsed);
    domain::Errors errors;
    const auto username = Credential(body, "username", errors);
    const auto password = Credential(body, "password", errors);
    ThrowIfError(errors.ToStatus());
    auto result =
        auth->Login(ctx.db, username, password, ctx.request.remote_address);
    if (!result.ok()) {
      Response r = Problem(result.status());
      if (r.status == 429) {
        const auto wait =
            auth->RetryAfter(username, ctx.request.remote_address);
        r.headers.emplace_back("Retry-After",
                               std::to_string(std::max<std::int64_t>(wait, 1)));
      }
      return r;
    }
    // The same token serves scripts (bearer) and the web app (the cookie,
    // which scripts on a page cannot read).
    Response r = JsonResponse(
        200, json::object{
                 {"token", result->token},
                 {"token_type", "Bearer"},
                 {"expires_at", domain::FormatUtc(std::chrono::sys_seconds(
                                    std::chrono::seconds(result->expires_at)))},
                 {"user", UserJson(result->user)},
                 {"csrf_token", CsrfToken(result->token)}});
    r.headers.emplace_back("Set-Cookie",
                           auth->SessionCookieHeader(result->token));
    return r;
  });

  router.Add("POST", "/api/v1/auth/logout", [auth](Context& ctx) {
    auth->Logout(ctx.request, ctx.db);
    return Response{204,
                    "application/json",
                    "",
                    {{"Set-Cookie", AuthService::ClearedCookieHeader()}}};
  });

  // A URL to subscribe to the calendar with, from a calendar client.
  router.Add("POST", "/api/v1/auth/calendar-token", [auth](Context& ctx) {
    auto issued = auth->IssueCalendarToken(ctx.db, *ctx.user);
    return JsonResponse(
        200, json::object{
                 {"token", issued.token},
                 {"expires_at", domain::FormatUtc(std::chrono::sys_seconds(
                                    std::chrono::seconds(issued.expires_at)))},
                 {"feed_path",
                  "/api/v1/calendar.ics?access_token=" + issued.token}});
  });

  const auto me = [](Context& ctx) {
    json::object o = UserJson(*ctx.user);
    if (!ctx.user->csrf_token.empty()) o["csrf_token"] = ctx.user->csrf_token;
    return JsonResponse(200, o);
  };
  router.Add("GET", "/api/v1/me", me);
  router.Add("GET", "/api/v1/auth/me", me);

  router.Add("GET", "/api/v1/users", [](Context& ctx) {
    json::array items;
    for (const auto& a : storage::ListAccounts(ctx.db))
      items.push_back(AccountJson(a));
    return JsonResponse(200, json::object{{"items", std::move(items)},
                                          {"next_cursor", nullptr}});
  });

  router.Add("GET", "/api/v1/users/{id}", [](Context& ctx) {
    auto account = storage::AccountById(ctx.db, ctx.Id("id"));
    if (!account)
      throw StatusError(domain::Status::NotFound("no user has that id"));
    return JsonResponse(200, AccountJson(*account));
  });

  router.Add("POST", "/api/v1/users", [](Context& ctx) {
    const json::value parsed = ParseBody(ctx.request);
    storage::Account account;
    domain::Errors errors;
    DecodeAccount(RequireObject(parsed), account, true, errors);
    CheckExists<domain::Organization>(ctx, "organization_id",
                                      account.organization_id, errors);
    ThrowIfInvalid(errors, domain::ValidateAccount(account.username,
                                                   account.role,
                                                   account.organization_id));
    std::optional<storage::Account> stored;
    ThrowIfError(storage::WriteTransaction(ctx.db, [&]() -> domain::Status {
      auto id = storage::AddAccount(ctx.db, account);
      if (!id.ok()) return id.status();
      stored = storage::AccountById(ctx.db, id.value());
      Audit(ctx, "create", "user", stored->id, nullptr, AccountAudit(*stored));
      return domain::Status::Ok();
    }));
    Response r = JsonResponse(201, AccountJson(*stored));
    r.headers.emplace_back("Location",
                           "/api/v1/users/" + std::to_string(stored->id));
    return r;
  });

  router.Add("PATCH", "/api/v1/users/{id}", [](Context& ctx) {
    const json::value parsed = ParseBody(ctx.request);
    const auto id = ctx.Id("id");
    std::optional<storage::Account> stored;
    ThrowIfError(storage::WriteTransaction(ctx.db, [&]() -> domain::Status {
      auto before = storage::AccountById(ctx.db, id);
      if (!before) return domain::Status::NotFound("no user has that id");
      storage::Account account = *before;
      domain::Errors errors;
      DecodeAccount(RequireObject(parsed), account, false, errors);
      CheckExists<domain::Organization>(ctx, "organization_id",
                                        account.organization_id, errors);
      ThrowIfInvalid(errors, domain::ValidateAccount(account.username,
                                                     account.role,
                                                     account.organization_id));
      if (auto s = KeepsAnAdmin(ctx.db, account); !s.ok()) return s;
      if (auto s = storage::UpdateAccount(ctx.db, account); !s.ok()) return s;
      stored = storage::AccountById(ctx.db, id);
      Audit(ctx, "update", "user", id, AccountAudit(*before),
            AccountAudit(*stored));
      return domain::Status::Ok();
    }));
    return JsonResponse(200, AccountJson(*stored));
  });

  router.Add("GET", "/api/v1/audit", [](Context& ctx) {
    const auto& q = ctx.query;
    storage::AuditFilter f{q.Id("user_id"),
                           q.Text("entity"),
                           q.Id("entity_id"),
                           q.Text("action"),
                           {},
                           {}};
    if (auto from = q.Date("from")) f.from = from->ToString();
    if (auto to = q.Date("to")) f.to = to->ToString();
    auto page = storage::ListAudit(ctx.db, f, q.Page());
    json::array items;
    for (const auto& e : page.items) {
      auto parse = [](const std::optional<std::string>& text) {
        return text ? json::parse(*text) : json::value(nullptr);
      };
      items.push_back({{"id", e.id},
                       {"at", e.at},
                       {"user_id", ToJson(e.user_id)},
                       {"username", ToJson(e.username)},
                       {"action", e.action},
                       {"entity", e.entity},
                       {"entity_id", ToJson(e.entity_id)},
                       {"before", parse(e.before)},
                       {"after", parse(e.after)}});
    }
    return JsonResponse(
        200, json::object{{"items", std::move(items)},
                          {"next_cursor",
                           page.next_after_id
                               ? json::value(EncodeCursor(*page.next_after_id))
                               : json::value(nullptr)}});
  });

  router.Add("POST", "/api/v1/people/{id}/erase", [](Context& ctx) {
    storage::People people(ctx.db);
    const auto id = ctx.Id("id");
    auto before = people.Get(id);
    if (!before) throw StatusError(people.NotFound(id));
    ThrowIfError(storage::WriteTransaction(ctx.db, [&] {
      auto s = storage::ErasePerson(ctx.db, id);
      if (s.ok())
        Audit(ctx, "erase", "person", id, Encode(*before),
              Encode(*people.Get(id)));
      return s;
    }));
    // Move the change out of the WAL and truncate it: the old values must
    // not survive in either file.
    bool cleared = false;
    for (int attempt = 0;
         attempt < 50 && !(cleared = storage::CheckpointAndTruncateWal(ctx.db));
         ++attempt) {
      std::this_thread::sleep_for(
          std::chrono::milliseconds(20));  // a reader is finishing
    }
    if (!cleared)
      spdlog::warn(
          "erasure: the WAL checkpoint was blocked by readers; it completes "
          "later");
    return JsonResponse(200, Encode(*people.Get(id)));
  });
}

}  // namespace capdev::app
