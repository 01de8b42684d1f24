#pragma once
// RFC 9457 problem+json bodies, and the one place that maps a domain Status
// to an HTTP status. Its texts are rendered in the reader's language when the
// answer is sent (Response::localized_body).

#include <boost/json/object.hpp>
#include <functional>
#include <string>
#include <vector>

#include "app/http/message.hpp"
#include "domain/status.hpp"

namespace capdev::http {

int HttpStatus(domain::Code code);
// What a client is told of a bug (a 500): nothing internal.
inline constexpr domain::Message kInternalDetail = "error.internal";
Response Problem(int status, domain::Message detail,
                 std::vector<domain::FieldError> errors = {});
// Extension members (RFC 9457 §3.2) in the reader's language, written when
// the answer is sent as the rest of the body is.
using Extensions = std::function<boost::json::object(domain::Language)>;
// With the Status's conflicts, if any, and `extensions`: an import's refusal
// carries its report.
Response Problem(const domain::Status& status, Extensions extensions = {});

}  // namespace capdev::http
