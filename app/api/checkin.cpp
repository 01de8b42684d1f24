// Participants in the loop: personal links, badges, the participant's page
// and self check-in (API.md "Participants' pages and self check-in").

#include "app/services/checkin.hpp"

#include <algorithm>
#include <cctype>

#include "app/api/common.hpp"
#include "app/api/evaluation_json.hpp"
#include "app/api/routes.hpp"
#include "app/api/session_cookie.hpp"
#include "app/formats/qr_svg.hpp"
#include "app/http/problem.hpp"
#include "app/i18n/local_time.hpp"
#include "app/reports/badges.hpp"
#include "app/reports/certificates.hpp"
#include "app/services/credentials.hpp"
#include "app/services/sessions.hpp"
#include "storage/attendance_repository.hpp"
#include "storage/certificates.hpp"

namespace capdev::api {

namespace {

constexpr std::string_view kDeviceCookie = "capdev_device";
constexpr std::string_view kScanCookie = "capdev_scan";
// capdev_p<workshop id>: the personal link a phone opened, per workshop.
constexpr std::string_view kLinkCookie = "capdev_p";
constexpr std::int64_t kLinkCookieDays = 180;

struct Settings {
  std::string public_url;
  std::string time_zone;
  std::function<std::int64_t()> clock;
  bool secure = false;

  std::int64_t Now() const { return UnixNow(clock); }
  std::string BaseUrl(const Request& request) const {
    return PublicBase(public_url, request);
  }
  // Instants are RFC 3339 UTC (API.md); the zone they are shown in is
  // answered beside them.
  static std::string Iso(std::int64_t t) {
    return i18n::UnixToLocalIso(t, "UTC");
  }
  // Cookies of the check-in pages only (/c/...), never sent to the API.
  std::string Cookie(std::string_view name, const std::string& value,
                     std::string_view path, std::int64_t max_age) const {
    return std::string(name) + "=" + value + "; Path=" + std::string(path) +
           "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "") +
           "; Max-Age=" + std::to_string(max_age);
  }
};

// 22 characters of base64url: what services::ShortToken() makes.
bool ShortTokenShaped(std::string_view text) {
  return text.size() == 22 &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) {
           return std::isalnum(c) != 0 || c == '-' || c == '_';
         });
}

json::object LinkJson(const storage::ParticipantLink& link,
                      const std::string& base_url) {
  return {{"registration_id", link.registration_id},
          {"person_id", link.person_id},
          {"url", base_url + "/p/" + link.token},
          {"code", link.code},
          {"issued_at", link.issued_at}};
}

json::object WindowJson(const Settings& s, const storage::CheckinWindow& w) {
  return {{"opens_at", s.Iso(w.opens_at)},
          {"closes_at", s.Iso(w.closes_at)},
          {"late_after", s.Iso(w.late_after)}};
}

// {opens_at, closes_at, late_after}, each optional: an instant with its
// offset, or a local time in the server's zone.
domain::StatusOr<services::WindowRequest> ReadWindow(const Settings& s,
                                                     Context& ctx) {
  services::WindowRequest w;
  if (ctx.request.body.empty()) return w;
  ASSIGN_OR_RETURN(const auto body, ParseObject(ctx.request));
  domain::Errors errors;
  for (const auto& [key, value] : body) {
    std::optional<std::int64_t>* field = key == "opens_at"     ? &w.opens_at
                                         : key == "closes_at"  ? &w.closes_at
                                         : key == "late_after" ? &w.late_after
                                                               : nullptr;
    if (!field) {
      errors.Add(std::string(key), domain::kNotAllowed,
                 "error.not_a_field_of_request");
      continue;
    }
    if (value.is_null()) continue;
    std::string text;
    FromJson(value, text, std::string(key), errors);
    *field = i18n::ParseLocalIso(text, s.time_zone);
    if (!*field && !text.empty()) {
      errors.Add(std::string(key), domain::kInvalid, "error.invalid_time");
    }
  }
  RETURN_IF_ERROR(errors.ToStatus());
  return w;
}

// POST /c/KEY's body: {t, code | phone | email}.
domain::StatusOr<services::SelfCheckin> ReadCheckin(Context& ctx) {
  ASSIGN_OR_RETURN(const auto body, ParseObject(ctx.request));
  services::SelfCheckin c;
  domain::Errors errors;
  for (const auto& [key, value] : body) {
    std::optional<std::string>* field = key == "code"    ? &c.code
                                        : key == "phone" ? &c.phone
                                        : key == "email" ? &c.email
                                                         : nullptr;
    if (key == "t") {
      FromJson(value, c.step_code, "t", errors);
    } else if (field) {
      FromJson(value, *field, std::string(key), errors);
      if (*field && (*field)->empty()) field->reset();
    } else {
      errors.Add(std::string(key), domain::kNotAllowed,
                 "error.not_a_field_of_request");
    }
  }
  errors.Required("t", c.step_code);
  RETURN_IF_ERROR(errors.ToStatus());
  c.session_key = ctx.params.at("key");
  for (auto& [name, value] : Cookies(ctx.request.cookie)) {
    if (name == kDeviceCookie) {
      c.device = value;
    } else if (name == kScanCookie) {
      c.scan_proof = value;
    } else if (name.starts_with(kLinkCookie) && value.size() <= 64) {
      c.link_tokens.push_back(value);
    }
  }
  c.address = ctx.request.remote_address;
  c.user_agent = ctx.request.user_agent;
  return c;
}

json::object CheckinAnswerJson(const Settings& s,
                               const services::CheckinAnswer& a) {
  return {{"status", ToJson(a.mark.status)},
          {"source", ToJson(a.mark.source)},
          {"person",
           {{"full_name", a.person.full_name},
            {"native_name", ToJson(a.person.native_name)}}},
          {"session",
           {{"id", a.session.id},
            {"date", ToJson(a.session.date)},
            {"start_time", ToJson(a.session.start_time)},
            {"title", ToJson(a.session.title)}}},
          {"late_after", s.Iso(a.window.late_after)}};
}

void AddLinkRoutes(Router& router, const Settings& s) {
  using P = domain::Permission;
  router.Add(kPost,
             "/api/v1/workshops/{id}/registrations/{registration_id}/link",
             P::kWriteRecords, [s](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto rid, ctx.Id("registration_id"));
               ASSIGN_OR_RETURN(const auto link, Write(ctx, [&](auto& tx) {
                                  return services::IssueLink(tx, *ctx.user, id,
                                                             rid, s.Now());
                                }));
               return JsonResponse(201, LinkJson(link, s.BaseUrl(ctx.request)));
             });
  const std::string links = "/api/v1/workshops/{id}/links";
  router.Add(kGet, links, P::kWriteRecords,
             [s](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               RETURN_IF_ERROR(services::Load<domain::Workshop>(ctx.db, id));
               ASSIGN_OR_RETURN(const auto all, storage::Links(ctx.db, id));
               json::array items;
               for (const auto& l : all)
                 items.push_back(LinkJson(l, s.BaseUrl(ctx.request)));
               // Every participant's link: kept by no cache.
               Response r = JsonResponse(200, json::object{{"items", items}});
               r.headers.emplace_back("Cache-Control", "no-store");
               return r;
             });
  router.Add(kPost, links, P::kWriteRecords,
             [s](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto issued, Write(ctx, [&](auto& tx) {
                                  return services::IssueMissingLinks(
                                      tx, *ctx.user, id, s.Now());
                                }));
               return JsonResponse(200, json::object{{"issued", issued}});
             });
  router.Add(
      kGet, "/api/v1/workshops/{id}/badges", P::kWriteRecords,
      [](Query& q) -> domain::StatusOr<bool> {
        static constexpr std::array<std::string_view, 1> kFormats = {"html"};
        static_cast<void>(q.OneOf("format", kFormats));
        RETURN_IF_ERROR(q.Check());
        return true;
      },
      [s](Context& ctx, bool) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        ASSIGN_OR_RETURN(const auto workshop,
                         services::Load<domain::Workshop>(ctx.db, id));
        ASSIGN_OR_RETURN(const auto snapshot,
                         storage::ReadTransaction::Begin(ctx.db));
        ASSIGN_OR_RETURN(const auto people, storage::SignInPeople(ctx.db, id));
        ASSIGN_OR_RETURN(const auto all, storage::Links(ctx.db, id));
        return Response{200,
                        "text/html; charset=utf-8",
                        reports::RenderBadges(workshop, people, all,
                                              s.BaseUrl(ctx.request)),
                        {{"Cache-Control", "no-store"}}};
      });
}

void AddWindowRoutes(Router& router, const Settings& s) {
  using P = domain::Permission;
  const std::string checkin =
      "/api/v1/workshops/{id}/sessions/{session_id}/checkin";
  router.Add(kPost, checkin, P::kWriteRecords,
             [s](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto session_id, ctx.Id("session_id"));
               ASSIGN_OR_RETURN(const auto request, ReadWindow(s, ctx));
               ASSIGN_OR_RETURN(const auto window, Write(ctx, [&](auto& tx) {
                                  return services::OpenCheckin(
                                      tx, *ctx.user, id, session_id, request,
                                      s.time_zone, s.Now());
                                }));
               return JsonResponse(200, WindowJson(s, window));
             });
  router.Add(kDelete, checkin, P::kWriteRecords,
             [s](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto session_id, ctx.Id("session_id"));
               RETURN_IF_ERROR(Write(ctx, [&](auto& tx) {
                 return services::CloseCheckin(tx, *ctx.user, id, session_id,
                                               s.Now());
               }));
               return NoContent();
             });
  router.Add(kGet, checkin, P::kReadRecords,
             [s](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto session_id, ctx.Id("session_id"));
               ASSIGN_OR_RETURN(
                   const auto state,
                   services::StateOf(ctx.db, id, session_id, s.Now()));
               json::object o{{"open", state.open},
                              {"time_zone", s.time_zone},
                              {"checked_in", state.count.checked_in},
                              {"registered", state.count.registered},
                              {"flags", CheckinFlagsJson(state.flags)}};
               for (const char* k : {"opens_at", "closes_at", "late_after"})
                 o[k] = nullptr;
               if (state.window) {
                 for (auto& [k, v] : WindowJson(s, *state.window)) o[k] = v;
               }
               json::array people;
               for (const auto& p : state.flagged) {
                 people.push_back({{"person_id", p.person_id},
                                   {"full_name", p.full_name},
                                   {"native_name", ToJson(p.native_name)}});
               }
               o["flagged_people"] = std::move(people);
               return JsonResponse(200, o);
             });
  router.Add(
      kGet, checkin + "/qr.svg", P::kWriteRecords,
      [s](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        ASSIGN_OR_RETURN(const auto session_id, ctx.Id("session_id"));
        RETURN_IF_ERROR(services::LoadSession(ctx.db, id, session_id));
        ASSIGN_OR_RETURN(const auto window,
                         storage::WindowOf(ctx.db, session_id));
        const auto now = s.Now();
        if (!window || now < window->opens_at || now >= window->closes_at) {
          return domain::Status::FailedPrecondition("error.checkin_not_open");
        }
        const auto url =
            s.BaseUrl(ctx.request) + services::CheckinPath(*window, now);
        const auto svg = formats::QrSvg(url);
        if (!svg) return domain::Status::Internal("QR code too long");
        Response r{200, "image/svg+xml", *svg, {}};
        r.headers.emplace_back("Cache-Control", "no-store");
        return r;
      });
}

// The certificates a participant holds for the link's workshop.
domain::StatusOr<json::array> OwnCertificates(
    const Context& ctx, const Settings& s,
    const services::ParticipantView& view, const std::string& token) {
  ASSIGN_OR_RETURN(const auto held,
                   storage::PersonCertificates(ctx.db, view.link.person_id));
  json::array out;
  for (const auto& line : held) {
    const auto& c = line.certificate;
    if (c.workshop_id != view.link.workshop_id) continue;
    out.push_back(
        {{"id", c.id},
         {"kind", ToJson(c.kind)},
         {"code", c.code},
         {"issued_at", s.Iso(c.issued_at)},
         {"revoked_at",
          c.revoked_at ? json::value(s.Iso(*c.revoked_at)) : nullptr},
         {"verify_url", reports::VerifyUrl(s.BaseUrl(ctx.request), c.code)},
         {"pdf_url", "/api/v1/participant/" + token + "/certificates/" +
                         std::to_string(c.id) + ".pdf"}});
  }
  return out;
}

void AddParticipantRoutes(Router& router, const Settings& s) {
  using P = domain::Permission;
  router.Add(
      kGet, "/api/v1/participant/{token}", P::kPublic,
      [s](Context& ctx) -> domain::StatusOr<Response> {
        const auto& token = ctx.params.at("token");
        ASSIGN_OR_RETURN(const auto view,
                         services::ParticipantPage(ctx.db, token));
        if (!view) return domain::Status::NotFound("error.no_such_link");
        const auto& w = view->workshop;
        ASSIGN_OR_RETURN(
            const auto own,
            services::OwnQuestionnaires(ctx.db, view->link.workshop_id,
                                        view->link.registration_id, s.Now()));
        ASSIGN_OR_RETURN(const auto certificates,
                         OwnCertificates(ctx, s, *view, token));
        json::array sessions;
        for (std::size_t i = 0; i < view->sessions.size(); ++i) {
          const auto& session = view->sessions[i];
          sessions.push_back({{"id", session.id},
                              {"date", ToJson(session.date)},
                              {"start_time", ToJson(session.start_time)},
                              {"end_time", ToJson(session.end_time)},
                              {"title", ToJson(session.title)},
                              {"status", ToJson(view->marks[i].status)},
                              {"source", ToJson(view->marks[i].source)}});
        }
        json::object body{
            {"workshop",
             {{"title", w.title},
              {"native_title", ToJson(w.native_title)},
              {"start_date", ToJson(w.start_date)},
              {"end_date", ToJson(w.end_date)},
              {"city", ToJson(w.city)},
              {"venue", ToJson(w.venue)}}},
            {"person",
             {{"full_name", view->person.full_name},
              {"native_name", ToJson(view->person.native_name)}}},
            {"code", view->link.code},
            {"sessions", std::move(sessions)},
            {"questionnaires", ParticipantQuestionnairesJson(own)},
            {"certificates", certificates}};
        Response r = JsonResponse(200, body);
        // The phone is known at check-in from now on: one scan, done.
        r.headers.emplace_back(
            "Set-Cookie", s.Cookie(std::string(kLinkCookie) +
                                       std::to_string(view->link.workshop_id),
                                   token, "/c/", kLinkCookieDays * 86400));
        r.headers.emplace_back("Cache-Control", "no-store");
        return r;
      });

  router.Add(
      kPost, "/c/{key}", P::kPublic,
      [s](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(auto request, ReadCheckin(ctx));
        request.now = s.Now();
        // A device cookie as this server issues it, else a new one.
        const bool new_device = !ShortTokenShaped(request.device);
        if (new_device) request.device = services::ShortToken();
        ASSIGN_OR_RETURN(const auto answer, Write(ctx, [&](auto& tx) {
                           return services::CheckIn(tx, request);
                         }));
        Response r =
            answer.matched ? JsonResponse(200, CheckinAnswerJson(s, answer))
            : answer.asked
                ? Problem(domain::Status::Invalid(
                      {{"code", domain::kRequired, "error.checkin_who"}},
                      "error.checkin_who"))
                : Problem(domain::Status::NotFound("error.checkin_nobody"));
        const std::string path = "/c/" + request.session_key;
        if (new_device) {
          r.headers.emplace_back(
              "Set-Cookie",
              s.Cookie(kDeviceCookie, request.device, "/c/", 365LL * 86400));
        }
        if (!answer.matched && answer.scanned_step) {
          // Typing a code takes longer than the code lives.
          r.headers.emplace_back(
              "Set-Cookie",
              s.Cookie(kScanCookie,
                       services::ScanProof(answer.window, *answer.scanned_step),
                       path, services::kScanGoodFor));
        }
        return r;
      });
}

}  // namespace

void AddCheckinRoutes(Router& router, const ApiOptions& options) {
  const Settings s{.public_url = options.public_url,
                   .time_zone = options.time_zone,
                   .clock = options.clock,
                   .secure = options.secure_cookies};
  AddLinkRoutes(router, s);
  AddWindowRoutes(router, s);
  AddParticipantRoutes(router, s);
}

}  // namespace capdev::api
