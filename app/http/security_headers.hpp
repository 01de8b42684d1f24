#pragma once
// Headers every answer carries, set where every answer passes (server.cpp):
// no answer may be sniffed into another type, and an HTML page that did not
// set its own policy (the reports, the printable sign-in sheets) runs no
// script, loads nothing and cannot be framed.

#include "app/http/message.hpp"

namespace capdev::http {

// The reports' policy: their own <style> and inline SVG charts, nothing else.
inline constexpr const char* kDocumentPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

void AddSecurityHeaders(Response& response);

}  // namespace capdev::http
