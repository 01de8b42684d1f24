#include "tests/support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

namespace capdev::testing {

Connection::Connection(std::uint16_t port, const std::string& from) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (!from.empty()) {
    sockaddr_in local{};
    local.sin_family = AF_INET;
    if (::inet_pton(AF_INET, from.c_str(), &local.sin_addr) != 1 ||
        ::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
      ::close(fd_);
      throw std::runtime_error("cannot connect from " + from);
    }
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd_);
    throw std::runtime_error("cannot connect to port " + std::to_string(port));
  }
}

Connection::~Connection() {
  if (fd_ >= 0) ::close(fd_);
}

void Connection::Send(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n =
        ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0)
      return;  // the server may close early (413, 431): read its answer
    sent += static_cast<std::size_t>(n);
  }
}

bool Connection::Fill(std::chrono::milliseconds timeout) {
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return false;
  char chunk[65536];
  ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
  if (n <= 0) return false;
  buffer_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

std::optional<HttpResponse> Connection::Read(
    std::chrono::milliseconds timeout) {
  std::size_t end;
  while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!Fill(timeout)) return std::nullopt;
  }
  HttpResponse r;
  std::string head = buffer_.substr(0, end);
  r.status = std::stoi(head.substr(9, 3));
  std::size_t pos = head.find("\r\n");
  while (pos != std::string::npos && pos < head.size()) {
    std::size_t next = head.find("\r\n", pos + 2);
    std::string line =
        head.substr(pos + 2, next == std::string::npos ? std::string::npos
                                                       : next - pos - 2);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(), ::tolower);
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      r.headers[name] = value;
    }
    pos = next;
  }
  std::size_t length = r.headers.count("content-length")
                           ? std::stoul(r.headers["content-length"])
                           : 0;
  while (buffer_.size() < end + 4 + length) {
    if (!Fill(timeout)) return std::nullopt;
  }
  r.body = buffer_.substr(end + 4, length);
  buffer_.erase(0, end + 4 + length);
  return r;
}

bool Connection::ClosedWithin(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) > 0) {
      char c[4096];
      if (::recv(fd_, c, sizeof c, 0) <= 0) return true;
    }
  }
  return false;
}

namespace {
std::string bearer_token;
}

void SetBearerToken(const std::string& token) { bearer_token = token; }

std::string FormatRequest(const std::string& method, const std::string& target,
                          const std::string& body,
                          const std::string& extra_headers) {
  std::string r = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                  extra_headers;
  if (!bearer_token.empty() &&
      extra_headers.find("Authorization:") == std::string::npos) {
    r += "Authorization: Bearer " + bearer_token + "\r\n";
  }
  if (!body.empty() || method == "POST" || method == "PUT" ||
      method == "PATCH") {
    if (extra_headers.find("Content-Type:") == std::string::npos)
      r += "Content-Type: application/json\r\n";
    r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  return r + "\r\n" + body;
}

HttpResponse Request(std::uint16_t port, const std::string& method,
                     const std::string& target, const std::string& body) {
  Connection c(port);
  c.Send(FormatRequest(method, target, body));
  auto r = c.Read();
  if (!r) throw std::runtime_error(method + " " + target + ": no response");
  return *r;
}

HttpResponse Upload(std::uint16_t port, const std::string& target,
                    const std::string& body, const std::string& content_type) {
  Connection c(port);
  c.Send(FormatRequest("POST", target, body,
                       "Content-Type: " + content_type + "\r\n"));
  auto r = c.Read();
  if (!r) throw std::runtime_error("POST " + target + ": no response");
  return *r;
}

HttpResponse Get(std::uint16_t port, const std::string& target) {
  return Request(port, "GET", target);
}
HttpResponse Post(std::uint16_t port, const std::string& target,
                  const boost::json::value& body) {
  return Request(port, "POST", target, boost::json::serialize(body));
}
HttpResponse Patch(std::uint16_t port, const std::string& target,
                   const boost::json::value& body) {
  return Request(port, "PATCH", target, boost::json::serialize(body));
}
HttpResponse Put(std::uint16_t port, const std::string& target,
                 const boost::json::value& body) {
  return Request(port, "PUT", target, boost::json::serialize(body));
}
HttpResponse Delete(std::uint16_t port, const std::string& target) {
  return Request(port, "DELETE", target);
}

}  // namespace capdev::testing
