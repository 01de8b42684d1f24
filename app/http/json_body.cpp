#include "app/http/json_body.hpp"

#include "app/http/duplicate_keys.hpp"

namespace capdev::http {

namespace {
constexpr std::size_t kMaxDepth = 32;
}

domain::StatusOr<json::value> ParseBody(const Request& request) {
  if (request.body.empty())
    return domain::Status::Malformed("error.body_required");
  json::parse_options options;
  options.max_depth = kMaxDepth;
  boost::system::error_code ec;
  json::value v = json::parse(request.body, ec, {}, options);
  if (ec) {
    return domain::Status::Malformed(
        domain::Message("error.body_not_json", {{"reason", ec.message()}}));
  }
  if (auto key = RepeatedKey(request.body)) {
    return domain::Status::Malformed(
        domain::Message("error.key_twice", {{"key", *key}}),
        {{*key, domain::kRepeated, "error.appears_twice"}});
  }
  return v;
}

domain::StatusOr<json::object> ParseObject(const Request& request) {
  ASSIGN_OR_RETURN(json::value body, ParseBody(request));
  if (!body.is_object()) {
    return domain::Status::Invalid({{"", domain::kInvalid, "error.not_object"}},
                                   "error.body_not_object");
  }
  return std::move(body.as_object());
}

domain::StatusOr<json::array> ParseArray(const Request& request) {
  ASSIGN_OR_RETURN(json::value body, ParseBody(request));
  if (!body.is_array()) {
    return domain::Status::Invalid({{"", domain::kInvalid, "error.not_array"}},
                                   "error.body_not_array");
  }
  return std::move(body.as_array());
}

Response JsonResponse(int status, const json::value& body) {
  return Response{status, "application/json", json::serialize(body), {}};
}

}  // namespace capdev::http
