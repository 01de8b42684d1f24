#pragma once
// The request and response the router and handlers see: plain structs, so
// that only app/http/ compiles Boost.Beast.

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/message.hpp"

namespace capdev::storage {
class Database;
}  // namespace capdev::storage

namespace capdev::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as sent: path and query
  std::string body;
  std::string content_type;
  std::string authorization;
  std::string cookie;         // the Cookie header, for the web session
  std::string csrf_token;     // X-CSRF-Token
  std::string if_none_match;  // for the web app's assets
  std::string accept_language;
  std::string remote_address;
  std::string host;        // the Host header: addresses the phones can open
  std::string user_agent;  // recorded with a self check-in
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // What a change does once it is durable, before it is answered (an erasure
  // truncating the WAL): the writer runs it after the commit.
  std::function<void(Response&)> after_commit;
  // A change read and planned off the writer (an import's real run): the
  // server hands this to the writer, and what it answers is the answer.
  std::function<Response(storage::Database&)> then_write;
  // A body for a person (problem+json), written in the reader's language
  // when it is answered: `language` (the user's setting, known once signed
  // in) or else the request's Accept-Language. `body` meanwhile holds it in
  // English.
  std::function<std::string(domain::Language)> localized_body;
  std::optional<domain::Language> language;

  const std::string* Header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
      if (k == name) return &v;
    }
    return nullptr;
  }
};

}  // namespace capdev::http
