#pragma once
// The HTTP/1.1 transport, shaped like Boost.Beast's async server examples:
// one listener, one session per connection, a fresh parser per request with
// explicit limits, read deadlines, and a graceful stop. Beast stays in here.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "app/http/message.hpp"

namespace capdev::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;         // 0 picks a free port
  int io_threads = 1;                // also answer the short reads
  std::size_t body_limit = 1 << 20;  // 413 beyond
  // For the requests `takes_large_body` (method, target) names: a
  // certificate template's images, five of 512 KiB as base64.
  std::size_t large_body_limit = 4 << 20;
  std::function<bool(const std::string&, const std::string&)> takes_large_body;
  std::size_t header_limit = 16 << 10;  // 431 beyond
  std::size_t url_limit = 8 << 10;      // 414 beyond
  std::chrono::milliseconds read_timeout{
      10'000};  // whole request, first byte to last
  std::chrono::milliseconds idle_timeout{
      30'000};  // keep-alive wait for the next request
  // A new connection's wait for its first byte: short, so idle sockets that
  // never send anything cannot hold slots for the whole idle timeout.
  std::chrono::milliseconds first_byte_timeout{5'000};
  std::size_t max_connections = 512;  // further clients get a 503
  // Below the global cap, so one address cannot take every slot.
  std::size_t max_connections_per_address = 64;
  // A reverse proxy's address (nginx in front of several instances): its
  // requests are from the client its X-Forwarded-For names last, so login
  // limits count per client, not per proxy. Empty: the header is ignored.
  std::string trusted_proxy;
};

// Answers a request, on the calling I/O thread or on another thread, and
// hands the response to `reply`, which may be called from any thread.
using Dispatcher =
    std::function<void(Request request, std::function<void(Response)> reply)>;

class Server {
 public:
  Server(ServerOptions options, Dispatcher dispatcher);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; returns the bound port. Throws when it cannot bind.
  std::uint16_t Listen();
  // Serves until Stop() or SIGINT/SIGTERM: then it stops accepting, lets
  // in-flight requests finish, closes idle connections and returns.
  void Run();
  void Stop();  // thread-safe

  struct Impl;  // public so the connection type in server.cpp can name it

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace capdev::http
