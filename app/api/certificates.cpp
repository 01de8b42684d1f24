// Certificates (API.md "Certificates"): issuing, the register, PDFs,
// revocation, the project's template and the public verification.

#include "app/services/certificates.hpp"

#include <boost/asio/ip/address_v6.hpp>
#include <deque>
#include <mutex>
#include <unordered_map>

#include "app/api/common.hpp"
#include "app/api/routes.hpp"
#include "app/i18n/local_time.hpp"
#include "app/reports/certificate_pdf.hpp"
#include "app/reports/certificates.hpp"
#include "app/reports/verify_page.hpp"
#include "domain/person.hpp"
#include "storage/checkin.hpp"

namespace capdev::api {

namespace {

using P = domain::Permission;

// Verification tries per address: a window and how many it allows. Kept in
// each instance's memory: a guesser gains at most this many tries per
// instance, against 25^12 codes. An IPv6 client is counted by its /64 (one
// subscriber's network), or it would have more addresses than tries.
constexpr std::int64_t kTryWindow = 600;
constexpr std::size_t kTriesPerWindow = 60;
constexpr std::size_t kAddressesKept = 20000;

std::string ClientKey(const std::string& address) {
  boost::system::error_code ec;
  auto v6 = boost::asio::ip::make_address_v6(address, ec);
  if (ec || v6.is_v4_mapped()) return address;
  auto bytes = v6.to_bytes();
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  return boost::asio::ip::address_v6(bytes).to_string() + "/64";
}

class TryLimiter {
 public:
  // False when the client has used its tries in the window ending at `now`.
  bool Allow(const std::string& address, std::int64_t now) {
    const std::lock_guard lock(mutex_);
    // At most once a window, and only when full: the map stays bounded and
    // a lookup never scans it.
    if (tries_.size() >= kAddressesKept && now - pruned_at_ >= kTryWindow) {
      std::erase_if(tries_, [&](const auto& entry) {
        return entry.second.back() <= now - kTryWindow;
      });
      pruned_at_ = now;
    }
    const auto key = ClientKey(address);
    auto found = tries_.find(key);
    if (found == tries_.end()) {
      // Still full of recent clients: a new one waits for the next prune.
      if (tries_.size() >= kAddressesKept) return false;
      found = tries_.emplace(key, std::deque<std::int64_t>{}).first;
    }
    auto& times = found->second;
    while (!times.empty() && times.front() <= now - kTryWindow) {
      times.pop_front();
    }
    if (times.size() >= kTriesPerWindow) return false;
    times.push_back(now);
    return true;
  }

 private:
  std::mutex mutex_;
  std::int64_t pruned_at_ = 0;
  std::unordered_map<std::string, std::deque<std::int64_t>> tries_;
};

struct Settings {
  std::string public_url;
  std::function<std::int64_t()> clock;
  std::shared_ptr<TryLimiter> limiter = std::make_shared<TryLimiter>();

  std::int64_t Now() const { return UnixNow(clock); }
  std::string Base(const Request& request) const {
    return PublicBase(public_url, request);
  }
};

std::string Iso(std::int64_t t) { return i18n::UnixToLocalIso(t, "UTC"); }

json::object CertificateJson(const storage::CertificateLine& line,
                             const std::string& base) {
  const auto& c = line.certificate;
  return {
      {"id", c.id},
      {"code", c.code},
      {"person_id", c.person_id},
      {"workshop_id", c.workshop_id},
      {"kind", ToJson(c.kind)},
      {"issued_at", Iso(c.issued_at)},
      {"revoked_at", c.revoked_at ? json::value(Iso(*c.revoked_at)) : nullptr},
      {"revoke_reason", ToJson(c.revoke_reason)},
      {"full_name", line.full_name},
      {"native_name", ToJson(line.native_name)},
      {"verify_url", reports::VerifyUrl(base, c.code)}};
}

json::array CertificatesJson(const std::vector<storage::CertificateLine>& all,
                             const std::string& base) {
  json::array out;
  for (const auto& line : all) out.push_back(CertificateJson(line, base));
  return out;
}

Response Pdf(std::string bytes, const std::string& name) {
  Response r{200, "application/pdf", std::move(bytes), {}};
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + name + ".pdf\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

// {kind, person_ids?}
struct IssueRequest {
  std::optional<domain::CertificateKind> kind;
  std::optional<std::vector<std::int64_t>> person_ids;
};

domain::StatusOr<IssueRequest> ReadIssue(Context& ctx) {
  ASSIGN_OR_RETURN(const auto body, ParseObject(ctx.request));
  IssueRequest r;
  domain::Errors errors;
  for (const auto& [key, value] : body) {
    if (key == "kind") {
      FromJson(value, r.kind, "kind", errors);
    } else if (key == "person_ids") {
      FromJson(value, r.person_ids, "person_ids", errors);
    } else {
      errors.Add(std::string(key), domain::kNotAllowed,
                 "error.not_a_field_of_request");
    }
  }
  if (!errors.Has("kind")) errors.Required("kind", r.kind);
  RETURN_IF_ERROR(errors.ToStatus());
  return r;
}

// {reason}
domain::StatusOr<std::string> ReadReason(Context& ctx) {
  ASSIGN_OR_RETURN(const auto body, ParseObject(ctx.request));
  std::string reason;
  domain::Errors errors;
  for (const auto& [key, value] : body) {
    if (key == "reason") {
      FromJson(value, reason, "reason", errors);
    } else {
      errors.Add(std::string(key), domain::kNotAllowed,
                 "error.not_a_field_of_request");
    }
  }
  RETURN_IF_ERROR(errors.ToStatus());
  return reason;
}

// A template as sent: its rules and whether its images can be read.
domain::StatusOr<domain::Draft<domain::CertificateTemplate>> ReadTemplate(
    Context& ctx, std::int64_t project_id) {
  ASSIGN_OR_RETURN(auto draft, ReadDraft<domain::CertificateTemplate>(ctx));
  auto& t = draft.values;
  t.project_id = project_id;
  const auto check = [&](const std::string& field,
                         const std::optional<std::string>& image) {
    if (!image) return;
    const auto decoded = domain::DecodeImage(*image);
    if (decoded.ok() && !reports::ImageReadable(*decoded)) {
      draft.errors.Add(field, domain::kInvalid, "error.image_unreadable");
    }
  };
  check("logo_image", t.logo_image);
  for (std::size_t i = 0; i < t.signatories.size(); ++i) {
    check("signatories[" + std::to_string(i) + "].signature_image",
          t.signatories[i].signature_image);
  }
  return draft;
}

json::value TemplateJson(const domain::CertificateTemplate& t) {
  return codec::Encode(t);
}

domain::StatusOr<std::string> OnePdf(Context& ctx, const Settings& s,
                                     const storage::CertificateLine& line) {
  const std::vector lines{line};
  return reports::WorkshopCertificatesPdf(ctx.db, line.certificate.workshop_id,
                                          lines, s.Base(ctx.request));
}

void AddIssueRoutes(Router& router, const Settings& s) {
  const std::string path = "/api/v1/workshops/{id}/certificates";
  router.Add(
      kPost, path, P::kWriteRecords,
      [s](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        ASSIGN_OR_RETURN(const auto request, ReadIssue(ctx));
        ASSIGN_OR_RETURN(const auto done, Write(ctx, [&](auto& tx) {
                           return services::IssueCertificates(
                               tx, *ctx.user, id, *request.kind,
                               request.person_ids, s.Now());
                         }));
        json::array refused;
        for (const auto& r : done.not_eligible) {
          refused.push_back(
              {{"person_id", r.person_id},
               {"reason", ToJson(r.reason)},
               {"full_name", r.full_name.empty() ? json::value(nullptr)
                                                 : json::value(r.full_name)},
               {"native_name", ToJson(r.native_name)}});
        }
        return JsonResponse(
            200, json::object{{"issued", CertificatesJson(done.issued,
                                                          s.Base(ctx.request))},
                              {"created", done.created},
                              {"not_eligible", std::move(refused)}});
      });
  router
      .Add(
          kGet, path, P::kReadRecords,
          [](Query& q) -> domain::StatusOr<std::string> {
            static constexpr std::array<std::string_view, 2> kFormats = {"json",
                                                                         "pdf"};
            auto format = q.OneOf("format", kFormats);
            RETURN_IF_ERROR(q.Check());
            return format.value_or("json");
          },
          [s](Context& ctx,
              const std::string& format) -> domain::StatusOr<Response> {
            ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
            RETURN_IF_ERROR(services::Load<domain::Workshop>(ctx.db, id));
            ASSIGN_OR_RETURN(auto all,
                             storage::WorkshopCertificates(ctx.db, id));
            if (format == "json") {
              return JsonResponse(
                  200, json::object{{"items", CertificatesJson(
                                                  all, s.Base(ctx.request))}});
            }
            // Every valid one, in the order they were issued.
            std::erase_if(all, [](const auto& line) {
              return line.certificate.revoked_at.has_value();
            });
            if (all.empty()) {
              return domain::Status::FailedPrecondition(
                  "error.no_certificates_to_print");
            }
            std::reverse(all.begin(), all.end());
            ASSIGN_OR_RETURN(auto bytes,
                             reports::WorkshopCertificatesPdf(
                                 ctx.db, id, all, s.Base(ctx.request)));
            return Pdf(std::move(bytes),
                       "certificates-workshop-" + std::to_string(id));
          })
      .LongRunning();
  router
      .Add(kGet, "/api/v1/certificates/{id}.pdf", P::kReadRecords,
           [s](Context& ctx) -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
             ASSIGN_OR_RETURN(const auto line,
                              services::LoadCertificate(ctx.db, id));
             ASSIGN_OR_RETURN(auto bytes, OnePdf(ctx, s, line));
             return Pdf(std::move(bytes),
                        "certificate-" + line.certificate.code);
           })
      .LongRunning();
  router.Add(kPost, "/api/v1/certificates/{id}/revoke", P::kWriteRecords,
             [s](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto reason, ReadReason(ctx));
               ASSIGN_OR_RETURN(const auto line, Write(ctx, [&](auto& tx) {
                                  return services::RevokeCertificate(
                                      tx, *ctx.user, id, reason, s.Now());
                                }));
               return JsonResponse(200,
                                   CertificateJson(line, s.Base(ctx.request)));
             });
  router.Add(
      kGet, "/api/v1/people/{id}/certificates", P::kReadRecords,
      [s](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        RETURN_IF_ERROR(services::Load<domain::Person>(ctx.db, id));
        ASSIGN_OR_RETURN(const auto all,
                         storage::PersonCertificates(ctx.db, id));
        json::array items;
        for (const auto& line : all) {
          auto o = CertificateJson(line, s.Base(ctx.request));
          ASSIGN_OR_RETURN(const auto w,
                           services::Load<domain::Workshop>(
                               ctx.db, line.certificate.workshop_id));
          o["workshop_title"] = w.title;
          o["workshop_native_title"] = ToJson(w.native_title);
          o["start_date"] = ToJson(w.start_date);
          o["end_date"] = ToJson(w.end_date);
          items.push_back(std::move(o));
        }
        return JsonResponse(200, json::object{{"items", std::move(items)}});
      });
}

void AddTemplateRoutes(Router& router, const Settings& s) {
  const std::string path = "/api/v1/projects/{id}/certificate-template";
  router.Add(kGet, path, P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto t,
                                services::TemplateFor(ctx.db, id));
               return JsonResponse(200, TemplateJson(t));
             });
  router
      .Add(kPut, path, P::kWriteRecords,
           [](Context& ctx) -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
             ASSIGN_OR_RETURN(auto draft, ReadTemplate(ctx, id));
             ASSIGN_OR_RETURN(const auto saved, Write(ctx, [&](auto& tx) {
                                return services::SaveTemplate(
                                    tx, *ctx.user, draft.values, draft.errors);
                              }));
             return JsonResponse(200, TemplateJson(saved));
           })
      .LargeBody();
  router
      .Add(kPost, path + "/preview", P::kWriteRecords,
           [s](Context& ctx) -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
             ASSIGN_OR_RETURN(auto draft, ReadTemplate(ctx, id));
             RETURN_IF_ERROR(services::TemplateFor(ctx.db, id));
             RETURN_IF_ERROR(
                 domain::Combine(draft.errors, domain::Validate(draft.values)));
             ASSIGN_OR_RETURN(auto png,
                              reports::TemplatePreviewPng(ctx.db, draft.values,
                                                          s.Base(ctx.request)));
             Response r{200, "image/png", std::move(png), {}};
             r.headers.emplace_back("Cache-Control", "no-store");
             return r;
           })
      .ReadsOnly()
      .LargeBody();
}

// The certificate a code names (404 otherwise, 429 past the tries).
domain::StatusOr<reports::Verified> Verify(Context& ctx, const Settings& s,
                                           const std::string& typed) {
  if (!s.limiter->Allow(ctx.request.remote_address, s.Now())) {
    return domain::Status::ResourceExhausted("error.too_many_verifications");
  }
  const auto code = domain::NormalizeCode(typed);
  if (!code) return domain::Status::NotFound("error.no_such_certificate");
  ASSIGN_OR_RETURN(const auto line, storage::CertificateByCode(ctx.db, *code));
  if (!line) return domain::Status::NotFound("error.no_such_certificate");
  ASSIGN_OR_RETURN(auto workshop, services::Load<domain::Workshop>(
                                      ctx.db, line->certificate.workshop_id));
  return reports::Verified{line->certificate, line->full_name,
                           line->native_name, std::move(workshop)};
}

// The page in the reader's language: the certificate, or a code nobody
// holds (404), or too many tries (429, said as such: a genuine certificate
// must never read as unknown). Any other failure is the usual problem.
domain::StatusOr<Response> VerifyPage(Context& ctx, const Settings& s,
                                      std::optional<domain::Language> language,
                                      const std::string& typed) {
  const auto lang = language.value_or(ctx.language);
  reports::VerifyOutcome outcome;
  int status = 200;
  if (!typed.empty()) {
    auto v = Verify(ctx, s, typed);
    if (v.ok()) {
      outcome.found = std::move(*v);
    } else if (v.status().code() == domain::Code::kResourceExhausted) {
      status = 429;
      outcome.too_many = true;
    } else if (v.status().code() == domain::Code::kNotFound) {
      status = 404;
    } else {
      return v.status();
    }
  }
  Response r{status,
             "text/html; charset=utf-8",
             reports::RenderVerifyPage(lang, outcome, typed),
             {}};
  r.headers.emplace_back("Content-Language",
                         lang == domain::Language::kZh ? "zh-CN" : "en");
  r.headers.emplace_back("Cache-Control", "no-store");
  if (status == 429) {
    r.headers.emplace_back("Retry-After", std::to_string(kTryWindow));
  }
  return r;
}

// The page's language, when a known one is asked for (a shared link's
// other values are ignored, as its other parameters are).
std::optional<domain::Language> ReadLang(Query& q) {
  const auto lang = q.Text("lang");
  if (lang == "zh") return domain::Language::kZh;
  if (lang == "en") return domain::Language::kEn;
  return std::nullopt;
}

void AddVerifyRoutes(Router& router, const Settings& s) {
  router.Add(kGet, "/api/v1/verify/{code}", P::kPublic,
             [s](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto v,
                                Verify(ctx, s, ctx.params.at("code")));
               const auto& c = v.certificate;
               json::object body{
                   {"status", c.revoked_at ? "revoked" : "valid"},
                   {"holder",
                    {{"full_name", v.full_name},
                     {"native_name", ToJson(v.native_name)}}},
                   {"workshop",
                    {{"title", v.workshop.title},
                     {"native_title", ToJson(v.workshop.native_title)},
                     {"city", ToJson(v.workshop.city)}}},
                   {"dates",
                    {{"start_date", ToJson(v.workshop.start_date)},
                     {"end_date", ToJson(v.workshop.end_date)}}},
                   {"kind", ToJson(c.kind)},
                   {"issued_at", Iso(c.issued_at)},
                   {"revoked_at",
                    c.revoked_at ? json::value(Iso(*c.revoked_at)) : nullptr}};
               Response r = JsonResponse(200, body);
               r.headers.emplace_back("Cache-Control", "no-store");
               return r;
             });
  using Lang = std::optional<domain::Language>;
  router
      .Add(kGet, "/verify/{code}", P::kPublic, ReadLang,
           [s](Context& ctx, const Lang& lang) -> domain::StatusOr<Response> {
             return VerifyPage(ctx, s, lang, ctx.params.at("code"));
           })
      .IgnoresOtherQuery();
  router
      .Add(
          kGet, "/verify", P::kPublic,
          [](Query& q) {
            auto lang = ReadLang(q);
            return std::pair{lang, q.Text("code").value_or("")};
          },
          [s](Context& ctx, const std::pair<Lang, std::string>& query)
              -> domain::StatusOr<Response> {
            return VerifyPage(ctx, s, query.first, query.second);
          })
      .IgnoresOtherQuery();
}

// A participant's own certificates, by their personal link.
void AddParticipantRoutes(Router& router, const Settings& s) {
  router
      .Add(kGet, "/api/v1/participant/{token}/certificates/{id}.pdf",
           P::kPublic,
           [s](Context& ctx) -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
             ASSIGN_OR_RETURN(
                 const auto link,
                 storage::LinkByToken(ctx.db, ctx.params.at("token")));
             if (!link) return domain::Status::NotFound("error.no_such_link");
             ASSIGN_OR_RETURN(const auto line,
                              services::LoadCertificate(ctx.db, id));
             if (line.certificate.person_id != link->person_id ||
                 line.certificate.workshop_id != link->workshop_id) {
               return domain::Status::NotFound(
                   storage::RecordNotFound("certificate", id));
             }
             ASSIGN_OR_RETURN(auto bytes, OnePdf(ctx, s, line));
             return Pdf(std::move(bytes),
                        "certificate-" + line.certificate.code);
           })
      .LongRunning();
}

}  // namespace

void AddCertificateRoutes(Router& router, const ApiOptions& options) {
  const Settings s{.public_url = options.public_url, .clock = options.clock};
  AddIssueRoutes(router, s);
  AddTemplateRoutes(router, s);
  AddVerifyRoutes(router, s);
  AddParticipantRoutes(router, s);
}

}  // namespace capdev::api
