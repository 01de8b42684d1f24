// Signing in and out: bearer tokens for scripts, the session cookie for the
// web app, feed tokens for calendar clients.

#include "app/api/common.hpp"
#include "app/api/routes.hpp"
#include "app/api/session_cookie.hpp"
#include "app/http/problem.hpp"
#include "app/i18n/catalog.hpp"
#include "app/services/credentials.hpp"
#include "storage/accounts.hpp"

namespace capdev::api {

namespace {

json::object UserJson(const domain::Principal& p) {
  json::value language = nullptr;
  if (p.language) language = json::string(i18n::Tag(*p.language));
  return {{"id", p.user_id},
          {"username", p.username},
          {"role", ToJson(p.role)},
          {"organization_id", ToJson(p.organization_id)},
          {"language", std::move(language)}};
}

// PATCH /me: {"language": "en" | "zh" | null}, nothing else.
domain::StatusOr<std::optional<domain::Language>> ReadLanguage(
    const json::object& body) {
  domain::Errors errors;
  for (const auto& [key, value] : body) {
    if (key != "language") {
      errors.Add(std::string(key), domain::kNotAllowed,
                 "error.not_a_field_of_resource");
    }
  }
  const auto* value = body.if_contains("language");
  std::optional<domain::Language> language;
  if (!value) {
    errors.Add("language", domain::kRequired);
  } else if (!value->is_null()) {
    const auto* tag = value->if_string();
    if (tag) language = i18n::ParseTag(std::string_view(*tag));
    if (!language) {
      errors.Add(
          "language", domain::kUnknownValue,
          domain::Message("error.unknown_value", {{"allowed", "en, zh"}}));
    }
  }
  RETURN_IF_ERROR(errors.ToStatus());
  return language;
}

std::string Instant(std::int64_t unix_seconds) {
  return domain::FormatUtc(
      std::chrono::sys_seconds(std::chrono::seconds(unix_seconds)));
}

// A required string member of a login body.
std::string Credential(const json::object& body, const char* name,
                       domain::Errors& errors) {
  std::string value;
  if (auto* v = body.if_contains(name)) FromJson(*v, value, name, errors);
  if (value.empty() && errors.list().empty())
    errors.Add(name, domain::kRequired);
  if (value.size() > 1024) {
    errors.Add(name, domain::kTooLong,
               domain::Message("error.too_long_bytes", {{"max", 1024}}));
  }
  return value;
}

}  // namespace

void AddAuthRoutes(Router& router,
                   const std::shared_ptr<services::AuthService>& auth,
                   const ApiOptions& options) {
  const bool secure = options.secure_cookies;
  using P = domain::Permission;

  router.Add(
      kPost, "/api/v1/auth/login", P::kPublic,
      [auth, secure](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto body, ParseObject(ctx.request));
        domain::Errors errors;
        const auto username = Credential(body, "username", errors);
        const auto password = Credential(body, "password", errors);
        RETURN_IF_ERROR(errors.ToStatus());
        auto result =
            auth->Login(ctx.db, username, password, ctx.request.remote_address);
        if (!result.ok()) {
          if (result.status().code() != domain::Code::kResourceExhausted)
            return result.status();
          Response r = Problem(result.status());
          ASSIGN_OR_RETURN(
              const auto wait,
              auth->RetryAfter(ctx.db, username, ctx.request.remote_address));
          r.headers.emplace_back(
              "Retry-After", std::to_string(std::max<std::int64_t>(wait, 1)));
          return r;
        }
        // The same token serves scripts (bearer) and the web app (the
        // cookie, which scripts on a page cannot read).
        Response r = JsonResponse(
            200,
            json::object{{"token", result->token},
                         {"token_type", "Bearer"},
                         {"expires_at", Instant(result->expires_at)},
                         {"user", UserJson(result->user)},
                         {"csrf_token", services::CsrfToken(result->token)}});
        r.headers.emplace_back(
            "Set-Cookie",
            SessionCookieHeader(result->token,
                                auth->options().lifetime.absolute_seconds,
                                secure));
        return r;
      });

  router.Add(
      kPost, "/api/v1/auth/logout", P::kSignedIn,
      [auth, secure](Context& ctx) -> domain::StatusOr<Response> {
        RETURN_IF_ERROR(
            auth->Logout(CredentialsOf(ctx.request, std::nullopt), ctx.db));
        Response r = NoContent();
        r.headers.emplace_back("Set-Cookie", ClearedCookieHeader(secure));
        return r;
      });

  // A URL to subscribe to the calendar with, from a calendar client.
  router.Add(kPost, "/api/v1/auth/calendar-token", P::kReadCalendar,
             [auth](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto issued,
                                auth->IssueCalendarToken(ctx.db, *ctx.user));
               return JsonResponse(
                   200, json::object{
                            {"id", issued.token_id},
                            {"token", issued.token},
                            {"expires_at", Instant(issued.expires_at)},
                            {"feed_path", "/api/v1/calendar.ics?access_token=" +
                                              issued.token}});
             });

  // The caller's own feed tokens: when each was made and last used, never
  // the token (only its hash is stored).
  router.Add(kGet, "/api/v1/auth/calendar-tokens", P::kReadCalendar,
             [auth](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto tokens,
                                auth->CalendarTokens(ctx.db, *ctx.user));
               json::array items;
               for (const auto& t : tokens) {
                 items.push_back({{"id", t.id},
                                  {"created_at", Instant(t.created_at)},
                                  {"last_used_at", Instant(t.last_used_at)}});
               }
               return JsonResponse(200,
                                   json::object{{"items", std::move(items)},
                                                {"next_cursor", nullptr}});
             });

  router.Add(
      kDelete, "/api/v1/auth/calendar-tokens/{id}", P::kReadCalendar,
      [auth](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        RETURN_IF_ERROR(auth->RevokeCalendarToken(ctx.db, *ctx.user, id));
        return NoContent();
      });

  const auto me = [](Context& ctx) -> domain::StatusOr<Response> {
    json::object o = UserJson(*ctx.user);
    if (!ctx.user->csrf_token.empty()) o["csrf_token"] = ctx.user->csrf_token;
    return JsonResponse(200, o);
  };
  router.Add(kGet, "/api/v1/me", P::kSignedIn, me);
  router.Add(kPatch, "/api/v1/me", P::kSignedIn,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto body, ParseObject(ctx.request));
               ASSIGN_OR_RETURN(const auto language, ReadLanguage(body));
               RETURN_IF_ERROR(Write(ctx, [&](auto& tx) {
                 return storage::SetAccountLanguage(tx, ctx.user->user_id,
                                                    language);
               }));
               domain::Principal user = *ctx.user;
               user.language = language;
               json::object o = UserJson(user);
               if (!user.csrf_token.empty()) o["csrf_token"] = user.csrf_token;
               Response r = JsonResponse(200, o);
               // Its own answer is in the language just chosen.
               r.language = language.value_or(
                   i18n::FromAcceptLanguage(ctx.request.accept_language));
               return r;
             });
  router.Add(kGet, "/api/v1/auth/me", P::kSignedIn, me);
}

}  // namespace capdev::api
