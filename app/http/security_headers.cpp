#include "app/http/security_headers.hpp"

#include <string_view>

namespace capdev::http {

namespace {

// Header names as capdev writes them (one spelling each).
void AddIfAbsent(Response& r, std::string_view name, std::string_view value) {
  if (!r.Header(name)) r.headers.emplace_back(name, value);
}

}  // namespace

void AddSecurityHeaders(Response& response) {
  AddIfAbsent(response, "X-Content-Type-Options", "nosniff");
  if (!response.content_type.starts_with("text/html")) return;
  AddIfAbsent(response, "Content-Security-Policy", kDocumentPolicy);
  AddIfAbsent(response, "Referrer-Policy", "same-origin");
}

}  // namespace capdev::http
