#pragma once
// A small blocking HTTP/1.1 client over POSIX sockets, so tests can also send
// what no well-behaved client would (malformed, slow, pipelined requests).

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace capdev::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  boost::json::value Json() const { return boost::json::parse(body); }
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

class Connection {
 public:
  // `from`: the local address to connect from ("127.0.0.2": any of the
  // loopback addresses), so a test can be several clients; empty: the
  // system's choice (127.0.0.1).
  explicit Connection(std::uint16_t port, const std::string& from = "");
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void Send(const std::string& bytes);
  // Reads one response (Content-Length framed); nullopt when the server
  // closed the connection first.
  std::optional<HttpResponse> Read(
      std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // True when the server closes the connection within `timeout`.
  bool ClosedWithin(std::chrono::milliseconds timeout);

 private:
  bool Fill(std::chrono::milliseconds timeout);
  int fd_ = -1;
  std::string buffer_;
};

// Sent as `Authorization: Bearer TOKEN` on every request that does not set
// its own Authorization header (empty: none).
void SetBearerToken(const std::string& token);

std::string FormatRequest(const std::string& method, const std::string& target,
                          const std::string& body = "",
                          const std::string& extra_headers = "");

// One request on its own connection.
HttpResponse Request(std::uint16_t port, const std::string& method,
                     const std::string& target, const std::string& body = "");
// A POST of a file (a spreadsheet) with its own Content-Type.
HttpResponse Upload(std::uint16_t port, const std::string& target,
                    const std::string& body,
                    const std::string& content_type = "text/csv");
HttpResponse Get(std::uint16_t port, const std::string& target);
HttpResponse Post(std::uint16_t port, const std::string& target,
                  const boost::json::value& body);
HttpResponse Patch(std::uint16_t port, const std::string& target,
                   const boost::json::value& body);
HttpResponse Put(std::uint16_t port, const std::string& target,
                 const boost::json::value& body);
HttpResponse Delete(std::uint16_t port, const std::string& target);

}  // namespace capdev::testing
