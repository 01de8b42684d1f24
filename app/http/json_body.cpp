#include "app/http/json_body.hpp"

#include "app/http/duplicate_keys.hpp"

namespace capdev::http {

namespace {
constexpr std::size_t kMaxDepth = 32;
}

domain::StatusOr<json::value> ParseBody(const Request& request) {
  if (request.body.empty())
    return domain::Status::Malformed("a JSON body is required");
  json::parse_options options;
  options.max_depth = kMaxDepth;
  boost::system::error_code ec;
  json::value v = json::parse(request.body, ec, {}, options);
  if (ec) {
    return domain::Status::Malformed("the body is not valid JSON: " +
                                     ec.message());
  }
  if (auto key = RepeatedKey(request.body)) {
    return domain::Status::Malformed(
        "the body names \"" + *key + "\" twice; send each key once",
        {{*key, "appears more than once"}});
  }
  return v;
}

domain::StatusOr<json::object> ParseObject(const Request& request) {
  ASSIGN_OR_RETURN(json::value body, ParseBody(request));
  if (!body.is_object()) {
    return domain::Status::Invalid({{"", "must be a JSON object"}},
                                   "the body must be a JSON object");
  }
  return std::move(body.as_object());
}

domain::StatusOr<json::array> ParseArray(const Request& request) {
  ASSIGN_OR_RETURN(json::value body, ParseBody(request));
  if (!body.is_array()) {
    return domain::Status::Invalid({{"", "must be a JSON array"}},
                                   "the body must be a JSON array");
  }
  return std::move(body.as_array());
}

Response JsonResponse(int status, const json::value& body) {
  return Response{status, "application/json", json::serialize(body), {}};
}

}  // namespace capdev::http
