#pragma once
// JSON in request and response bodies.

#include "app/codec/json_codec.hpp"
#include "app/http/message.hpp"
#include "domain/status.hpp"

namespace capdev::http {

// Parses a request body: 400 when it is not JSON or nests too deep, 422 when
// it is not the object or array asked for. The Content-Type is not insisted
// on, so a bare `curl -d` works.
domain::StatusOr<json::value> ParseBody(const Request& request);
domain::StatusOr<json::object> ParseObject(const Request& request);
domain::StatusOr<json::array> ParseArray(const Request& request);

Response JsonResponse(int status, const json::value& body);

}  // namespace capdev::http
