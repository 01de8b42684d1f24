#include "app/http/problem.hpp"

#include <boost/json.hpp>

#include "app/codec/json_codec.hpp"
#include "app/i18n/catalog.hpp"

namespace capdev::http {

int HttpStatus(domain::Code code) {
  switch (code) {
    case domain::Code::kOk:
      return 200;
    case domain::Code::kMalformed:
      return 400;
    case domain::Code::kInvalidArgument:
      return 422;
    case domain::Code::kNotFound:
      return 404;
    case domain::Code::kAlreadyExists:
    case domain::Code::kFailedPrecondition:
      return 409;
    case domain::Code::kUnauthenticated:
      return 401;
    case domain::Code::kPermissionDenied:
      return 403;
    case domain::Code::kResourceExhausted:
      return 429;
    case domain::Code::kTooLarge:
      return 413;
    case domain::Code::kExpired:
      return 410;
    case domain::Code::kUnavailable:
      return 503;
    case domain::Code::kInternal:
      return 500;
  }
  return 500;
}

namespace {

std::string TitleKey(int status) {
  switch (status) {
    case 400:
    case 401:
    case 403:
    case 404:
    case 405:
    case 409:
    case 410:
    case 413:
    case 414:
    case 415:
    case 422:
    case 429:
    case 431:
    case 500:
    case 503:
      return "http.status_" + std::to_string(status);
    default:
      return status >= 500 ? "http.status_500" : "http.status_other";
  }
}

boost::json::object Body(domain::Language lang, int status,
                         const domain::Message& detail,
                         const std::vector<domain::FieldError>& errors) {
  boost::json::array list;
  for (const auto& e : errors) list.push_back(codec::ToJson(e, lang));
  return {{"type", "about:blank"},
          {"title", i18n::Text(lang, TitleKey(status))},
          {"status", status},
          {"detail", i18n::Render(lang, detail)},
          {"errors", std::move(list)}};
}

// The body is written now in English and again in the reader's language
// when it is sent.
Response Answer(int status,
                std::function<boost::json::object(domain::Language)> body) {
  Response r{status,
             "application/problem+json",
             boost::json::serialize(body(domain::Language::kEn)),
             {}};
  r.localized_body = [body = std::move(body)](domain::Language lang) {
    return boost::json::serialize(body(lang));
  };
  return r;
}

}  // namespace

Response Problem(int status, domain::Message detail,
                 std::vector<domain::FieldError> errors) {
  return Answer(status, [status, detail = std::move(detail),
                         errors = std::move(errors)](domain::Language lang) {
    return Body(lang, status, detail, errors);
  });
}

Response Problem(const domain::Status& status, Extensions extensions) {
  // A bug's detail is for the log (the router writes it), not the client.
  if (status.code() == domain::Code::kInternal) {
    return Problem(500, kInternalDetail);
  }
  const int code = HttpStatus(status.code());
  boost::json::object conflicts;
  if (!status.conflicts().empty())
    conflicts["conflicts"] = codec::ToJson(status.conflicts());
  Response r =
      Answer(code, [code, status, conflicts = std::move(conflicts),
                    extensions = std::move(extensions)](domain::Language lang) {
        auto body = Body(lang, code, status.detail(), status.errors());
        for (const auto& [key, value] : conflicts) body[key] = value;
        if (extensions) {
          for (const auto& [key, value] : extensions(lang)) body[key] = value;
        }
        return body;
      });
  if (status.code() == domain::Code::kUnauthenticated) {
    r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"capdev\"");
  }
  return r;
}

}  // namespace capdev::http
