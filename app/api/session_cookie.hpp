#pragma once
// The credentials a request carries, read from its headers, and the cookie
// that holds the web app's session: HTTP's side of signing in.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/http/message.hpp"
#include "app/services/auth_service.hpp"

namespace capdev::api {

// The Cookie header's name=value pairs, in order.
std::vector<std::pair<std::string, std::string>> Cookies(
    std::string_view header);
// `feed_token` is the calendar feeds' access_token parameter, if given.
services::Credentials CredentialsOf(const http::Request& request,
                                    std::optional<std::string> feed_token);
// Set-Cookie values that start and end a web session; `secure` behind TLS.
std::string SessionCookieHeader(const std::string& token,
                                std::int64_t max_age_seconds, bool secure);
std::string ClearedCookieHeader(bool secure);

}  // namespace capdev::api
