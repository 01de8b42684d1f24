#include "app/http/server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <list>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "app/http/problem.hpp"
#include "app/http/security_headers.hpp"
#include "app/i18n/catalog.hpp"

namespace capdev::http {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

class Session;

namespace {

// Who sent a request that came through the trusted proxy: the last address
// its X-Forwarded-For names (the one the proxy itself saw), else the proxy.
std::string ForwardedClient(const std::string& proxy,
                            std::string_view forwarded_for) {
  const auto comma = forwarded_for.rfind(',');
  std::string_view last = comma == std::string_view::npos
                              ? forwarded_for
                              : forwarded_for.substr(comma + 1);
  while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
  while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
  return last.empty() ? proxy : std::string(last);
}

}  // namespace

struct Server::Impl : std::enable_shared_from_this<Server::Impl> {
  Impl(ServerOptions o, Dispatcher d)
      : options(std::move(o)),
        dispatcher(std::move(d)),
        // The hint lets Asio skip waking other threads when only one runs it.
        io(std::max(options.io_threads, 1)),
        acceptor(net::make_strand(io)),
        signals(io, SIGINT, SIGTERM) {}

  void Accept();
  // A connection's handlers run one at a time: with several I/O threads a
  // strand sees to it; with one, the thread does, and a strand would only
  // add a lock to every handler.
  net::any_io_executor ConnectionExecutor() {
    if (options.io_threads > 1) return net::make_strand(io);
    return io.get_executor();
  }
  void BeginStop();
  void Track(const std::shared_ptr<Session>& s);
  // Counts a connection from `address`; false (nothing counted) when either
  // cap is reached.
  bool Admit(const std::string& address);
  void Release(const std::string& address);

  ServerOptions options;
  Dispatcher dispatcher;
  net::io_context io;
  tcp::acceptor acceptor;
  net::signal_set signals;
  std::atomic<bool> stopping{false};
  std::mutex sessions_mutex;
  std::list<std::weak_ptr<Session>> sessions;
  std::mutex counts_mutex;
  std::size_t open_connections = 0;
  std::unordered_map<std::string, std::size_t> per_address;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  // The connection has been admitted (counted) under `remote`.
  Session(tcp::socket&& socket, std::shared_ptr<Server::Impl> server,
          std::string remote)
      : stream_(std::move(socket)),
        server_(std::move(server)),
        remote_(std::move(remote)) {}
  ~Session() { server_->Release(remote_); }

  void Start() {
    net::dispatch(stream_.get_executor(),
                  [self = shared_from_this()] { self->WaitForRequest(); });
  }

  // Called on stop: a connection waiting for its next request is closed now;
  // one with a request in flight closes after answering it.
  void CloseIfIdle() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) self->Close();
    });
  }

 private:
  // Waits for the first byte of the next request (a new connection under the
  // short first-byte deadline, a kept-alive one under the idle timeout), then
  // gives the whole request the read deadline: a client trickling one byte
  // every few seconds is cut off either way.
  void WaitForRequest() {
    busy_ = false;
    if (server_->stopping) return Close();
    if (buffer_.size() > 0) return ReadRequest();
    stream_.expires_after(served_ ? server_->options.idle_timeout
                                  : server_->options.first_byte_timeout);
    stream_.async_read_some(
        buffer_.prepare(4096),
        [self = shared_from_this()](beast::error_code ec, std::size_t n) {
          if (ec) return self->Close();
          self->buffer_.commit(n);
          self->ReadRequest();
        });
  }

  void ReadRequest() {
    busy_ = true;
    parser_.emplace();
    parser_->body_limit(server_->options.body_limit);
    parser_->header_limit(
        static_cast<std::uint32_t>(server_->options.header_limit));
    stream_.expires_after(server_->options.read_timeout);
    if (!server_->options.takes_large_body) return ReadBody();
    // The header first: whether the body may be larger depends on the route.
    // Beast checks a Content-Length against the limit as it reads the
    // header, so the header is read under the larger one, and a body too
    // large for its route is refused here.
    parser_->body_limit(server_->options.large_body_limit);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) {
          if (ec || !self->parser_) return self->OnRead(ec);
          const auto& options = self->server_->options;
          const auto& header = self->parser_->get();
          if (!options.takes_large_body(std::string(header.method_string()),
                                        std::string(header.target()))) {
            const auto length = self->parser_->content_length();
            if (length && *length > options.body_limit) {
              return self->OnRead(http::error::body_limit);
            }
            self->parser_->body_limit(options.body_limit);  // chunked ones
          }
          self->ReadBody();
        });
  }

  void ReadBody() {
    if (!parser_) return Close();
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) {
          self->OnRead(ec);
        });
  }

  void OnRead(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == net::error::operation_aborted) {
      return Close();
    }
    if (ec == http::error::body_limit) {
      return Reply(Problem(413, domain::Message(
                                    "error.body_too_large",
                                    {{"bytes", server_->options.body_limit}})),
                   false);
    }
    if (ec == http::error::header_limit) {
      return Reply(Problem(431, "error.headers_too_large"), false);
    }
    if (ec.category() ==
            http::make_error_code(http::error::end_of_stream).category() ||
        ec == http::error::partial_message) {
      return Reply(Problem(400, "error.bad_http"), false);
    }
    if (ec || !parser_) return Close();  // parser_: set by ReadRequest()

    auto& message = parser_->get();
    version_ = message.version();
    accept_language_ = std::string(message[http::field::accept_language]);
    if (auto bad = FramingError(message)) {
      // The connection's framing is in doubt: answer and close.
      return Reply(Problem(400, *bad), false);
    }
    const bool keep_alive = message.keep_alive();
    if (message.target().size() > server_->options.url_limit) {
      return Reply(Problem(414, domain::Message(
                                    "error.url_too_long",
                                    {{"bytes", server_->options.url_limit}})),
                   false);
    }
    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    request.content_type = std::string(message[http::field::content_type]);
    request.authorization = std::string(message[http::field::authorization]);
    request.cookie = std::string(message[http::field::cookie]);
    request.csrf_token = std::string(message["X-CSRF-Token"]);
    request.if_none_match = std::string(message[http::field::if_none_match]);
    request.host = std::string(message[http::field::host]);
    request.user_agent = std::string(message[http::field::user_agent]);
    // The header is looked at only for the trusted proxy's requests.
    const auto& proxy = server_->options.trusted_proxy;
    request.remote_address =
        !proxy.empty() && remote_ == proxy
            ? ForwardedClient(proxy, message["X-Forwarded-For"])
            : remote_;
    request.accept_language = accept_language_;
    request.body = std::move(message.body());
    parser_.reset();

    // The work guard keeps Run() going while another thread holds the
    // request.
    auto guard = net::make_work_guard(stream_.get_executor());
    server_->dispatcher(
        std::move(request),
        [self = shared_from_this(), keep_alive,
         guard = std::move(guard)](Response response) mutable {
          // Runs at once when answered on this connection's own thread (a
          // short read), else queued to it.
          net::dispatch(
              self->stream_.get_executor(),
              [self, keep_alive, response = std::move(response)]() mutable {
                self->Reply(std::move(response), keep_alive);
              });
          guard.reset();
        });
  }

  // RFC 9112: an HTTP/1.1 request has exactly one Host; a body is framed by
  // Content-Length or by chunked alone. Anything else could be read
  // differently by a proxy in front of us (request smuggling).
  static std::optional<domain::Message> FramingError(
      const http::request<http::string_body>& message) {
    if (message.version() >= 11 && message.count(http::field::host) != 1) {
      return domain::Message("error.one_host");
    }
    if (message.count(http::field::transfer_encoding) == 0) return std::nullopt;
    if (message.count(http::field::content_length) != 0) {
      return domain::Message("error.length_and_chunked");
    }
    std::string coding(message[http::field::transfer_encoding]);
    const auto first = coding.find_first_not_of(" \t");
    const auto last = coding.find_last_not_of(" \t");
    coding = first == std::string::npos
                 ? ""
                 : coding.substr(first, last - first + 1);
    if (message.count(http::field::transfer_encoding) != 1 ||
        !beast::iequals(coding, "chunked") || message.version() < 11) {
      return domain::Message("error.chunked_only");
    }
    return std::nullopt;
  }

  void Reply(Response response, bool keep_alive) {
    if (response.localized_body) {
      response.body = response.localized_body(response.language.value_or(
          i18n::FromAcceptLanguage(accept_language_)));
    }
    AddSecurityHeaders(response);
    busy_ = true;
    served_ = true;
    auto res = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(response.status), version_ ? version_ : 11);
    res->set(http::field::server, "capdev");
    res->set(http::field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) res->set(name, value);
    res->body() = std::move(response.body);
    res->keep_alive(keep_alive && !server_->stopping);
    res->prepare_payload();
    stream_.expires_after(server_->options.read_timeout);
    http::async_write(
        stream_, *res,
        [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
          if (ec || !res->keep_alive()) return self->Close();
          self->WaitForRequest();
        });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<Server::Impl> server_;
  std::string remote_;
  unsigned version_ = 11;
  std::string accept_language_;  // the last request's, for its answer
  bool busy_ = false;
  bool served_ = false;  // answered a request: later waits are keep-alive
};

void Server::Impl::Accept() {
  acceptor.async_accept(ConnectionExecutor(), [self = shared_from_this()](
                                                  beast::error_code ec,
                                                  tcp::socket socket) {
    if (ec == net::error::operation_aborted || !self->acceptor.is_open())
      return;
    if (!ec) {
      beast::error_code addr_ec;
      const auto endpoint = socket.remote_endpoint(addr_ec);
      std::string remote =
          addr_ec ? std::string() : endpoint.address().to_string();
      if (!self->Admit(remote)) {
        // Over a cap: answer 503 and close instead of queueing unboundedly.
        // Before any request is read: in English (no Accept-Language yet).
        static const std::string kBusy = [] {
          const std::string body = boost::json::serialize(boost::json::object{
              {"type", "about:blank"},
              {"title", i18n::Text(domain::Language::kEn, "http.status_503")},
              {"status", 503},
              {"detail",
               i18n::Text(domain::Language::kEn, "error.too_many_connections")},
              {"errors", boost::json::array{}}});
          return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: "
                 "application/problem+json\r\n"
                 "Connection: close\r\nContent-Length: " +
                 std::to_string(body.size()) + "\r\n\r\n" + body;
        }();
        auto s = std::make_shared<tcp::socket>(std::move(socket));
        net::async_write(*s, net::buffer(kBusy),
                         [s](beast::error_code, std::size_t) {
                           beast::error_code ignored;
                           s->shutdown(tcp::socket::shutdown_both, ignored);
                         });
      } else {
        auto session = std::make_shared<Session>(std::move(socket), self,
                                                 std::move(remote));
        self->Track(session);
        session->Start();
      }
    }
    self->Accept();
  });
}

bool Server::Impl::Admit(const std::string& address) {
  std::lock_guard lock(counts_mutex);
  auto& from_address = per_address[address];
  if (open_connections >= options.max_connections ||
      from_address >= options.max_connections_per_address) {
    if (from_address == 0) per_address.erase(address);
    return false;
  }
  ++open_connections;
  ++from_address;
  return true;
}

void Server::Impl::Release(const std::string& address) {
  std::lock_guard lock(counts_mutex);
  --open_connections;
  if (auto it = per_address.find(address);
      it != per_address.end() && --it->second == 0) {
    per_address.erase(it);
  }
}

void Server::Impl::Track(const std::shared_ptr<Session>& s) {
  std::lock_guard lock(sessions_mutex);
  sessions.remove_if([](const auto& w) { return w.expired(); });
  sessions.push_back(s);
}

void Server::Impl::BeginStop() {
  if (stopping.exchange(true)) return;
  spdlog::info("stopping: no new connections, finishing requests in flight");
  net::post(acceptor.get_executor(), [self = shared_from_this()] {
    beast::error_code ec;
    self->acceptor.close(ec);
  });
  beast::error_code ec;
  signals.cancel(ec);
  std::lock_guard lock(sessions_mutex);
  for (auto& w : sessions) {
    if (auto s = w.lock()) s->CloseIfIdle();
  }
}

Server::Server(ServerOptions options, Dispatcher dispatcher)
    : impl_(std::make_shared<Impl>(std::move(options), std::move(dispatcher))) {
}

Server::~Server() {
  try {
    Stop();
  } catch (...) {
    // best effort: Stop() throws only when resources run out (posting to the
    // I/O thread allocates); a destructor must not throw.
  }
}

std::uint16_t Server::Listen() {
  auto& a = impl_->acceptor;
  tcp::endpoint endpoint(net::ip::make_address(impl_->options.host),
                         impl_->options.port);
  a.open(endpoint.protocol());
  a.set_option(net::socket_base::reuse_address(true));
  a.bind(endpoint);
  a.listen(net::socket_base::max_listen_connections);
  return a.local_endpoint().port();
}

void Server::Run() {
  if (impl_->stopping) return;
  impl_->signals.async_wait([impl = impl_](beast::error_code ec, int) {
    if (!ec) impl->BeginStop();
  });
  impl_->Accept();
  std::vector<std::thread> extra;
  for (int i = 1; i < impl_->options.io_threads; ++i)
    extra.emplace_back([this] { impl_->io.run(); });
  impl_->io.run();
  for (auto& t : extra) t.join();
}

void Server::Stop() {
  // The acceptor, the signal set and the sessions are only touched on the
  // I/O thread. After Run() has returned there is nothing left to stop.
  if (impl_->io.stopped()) return;
  if (impl_->io.get_executor().running_in_this_thread())
    return impl_->BeginStop();
  net::post(impl_->io, [impl = impl_] { impl->BeginStop(); });
}

}  // namespace capdev::http
