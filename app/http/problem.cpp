#include "app/http/problem.hpp"

#include <boost/json.hpp>

#include "app/codec/json_codec.hpp"

namespace capdev::http {

namespace {
const char* Title(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Internal Server Error" : "Error";
  }
}
}  // namespace

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
    case domain::Code::kUnavailable:
      return 503;
    case domain::Code::kInternal:
      return 500;
  }
  return 500;
}

namespace {

boost::json::object Body(int status, std::string detail,
                         const std::vector<domain::FieldError>& errors) {
  boost::json::array list;
  for (const auto& e : errors)
    list.push_back({{"field", e.field}, {"message", e.message}});
  return {{"type", "about:blank"},
          {"title", Title(status)},
          {"status", status},
          {"detail", std::move(detail)},
          {"errors", std::move(list)}};
}

Response Answer(int status, const boost::json::object& body) {
  return Response{
      status, "application/problem+json", boost::json::serialize(body), {}};
}

}  // namespace

Response Problem(int status, std::string detail,
                 const std::vector<domain::FieldError>& errors) {
  return Answer(status, Body(status, std::move(detail), errors));
}

Response Problem(const domain::Status& status,
                 const boost::json::object& extensions) {
  // A bug's detail is for the log (the router writes it), not the client.
  if (status.code() == domain::Code::kInternal) {
    return Problem(500, kInternalDetail);
  }
  const int code = HttpStatus(status.code());
  auto body = Body(code, status.detail(), status.errors());
  if (!status.conflicts().empty())
    body["conflicts"] = codec::ToJson(status.conflicts());
  for (const auto& [key, value] : extensions) body[key] = value;
  Response r = Answer(code, body);
  if (status.code() == domain::Code::kUnauthenticated) {
    r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"capdev\"");
  }
  return r;
}

}  // namespace capdev::http
