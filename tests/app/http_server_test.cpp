// The transport against real sockets: limits, slow and malformed clients,
// keep-alive and pipelining, graceful shutdown.

#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

#include "tests/support/http_client.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::testing {
namespace {

using namespace std::chrono_literals;

class HttpServerTest : public ::testing::Test {
 protected:
  HttpServerTest()
      : server_(dir_.File("http.db"),
                {"--read-timeout-ms", "800", "--idle-timeout-ms", "800",
                 "--body-limit", "65536"}) {}
  TempDir dir_;
  ServerProcess server_;
};

TEST_F(HttpServerTest, HealthzAnswersOk) {
  auto r = Get(server_.port(), "/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"status":"ok"})");
}

TEST_F(HttpServerTest, BodyOverTheLimitIs413) {
  std::string body = "{\"name\":\"" + std::string(70000, 'x') + "\"}";
  auto r = Request(server_.port(), "POST", "/api/v1/organizations", body);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
  EXPECT_EQ(Get(server_.port(), "/healthz").status, 200);
}

TEST_F(HttpServerTest, HeadersOverTheLimitAre431) {
  Connection c(server_.port());
  c.Send(FormatRequest("GET", "/healthz", "",
                       "X-Padding: " + std::string(20000, 'a') + "\r\n"));
  auto r = c.Read();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 431);
}

TEST_F(HttpServerTest, LongUrlIs414) {
  auto r =
      Get(server_.port(), "/api/v1/organizations?q=" + std::string(9000, 'a'));
  EXPECT_EQ(r.status, 414);
}

TEST_F(HttpServerTest, MalformedHttpIs400AndTheServerServesTheNextClient) {
  Connection bad(server_.port());
  bad.Send("THIS IS NOT HTTP\r\n\r\n");
  auto r = bad.Read();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 400);
  EXPECT_TRUE(bad.ClosedWithin(2s));
  EXPECT_EQ(Get(server_.port(), "/healthz").status, 200);
}

TEST_F(HttpServerTest, ASlowClientIsCutOff) {
  Connection slow(server_.port());
  const auto started = std::chrono::steady_clock::now();
  const std::string request = FormatRequest("GET", "/healthz");
  bool closed = false;
  // One byte every 300 ms: each byte arrives well inside any per-read
  // timeout, but the request as a whole misses its 800 ms deadline.
  for (char ch : request) {
    slow.Send(std::string(1, ch));
    if (slow.ClosedWithin(300ms)) {
      closed = true;
      break;
    }
  }
  EXPECT_TRUE(closed);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
  EXPECT_EQ(Get(server_.port(), "/healthz").status, 200);
}

TEST_F(HttpServerTest, AnIdleKeepAliveConnectionIsClosed) {
  Connection c(server_.port());
  c.Send(FormatRequest("GET", "/healthz"));
  ASSERT_TRUE(c.Read().has_value());
  EXPECT_TRUE(c.ClosedWithin(3s));
}

TEST_F(HttpServerTest, PipelinedRequestsAnswerInOrder) {
  Connection c(server_.port());
  c.Send(FormatRequest("GET", "/healthz") + FormatRequest("GET", "/nowhere") +
         FormatRequest("GET", "/api/v1/organizations") +
         FormatRequest("GET", "/api/v1/openapi.json"));
  auto a = c.Read(), b = c.Read(), d = c.Read(), e = c.Read();
  ASSERT_TRUE(a && b && d && e);
  EXPECT_EQ(a->status, 200);
  EXPECT_EQ(b->status, 404);
  EXPECT_EQ(d->status, 401);  // not signed in
  EXPECT_EQ(e->status, 200);
  EXPECT_EQ(e->Header("content-type"), "application/json");
}

TEST_F(HttpServerTest, GracefulShutdownFinishesTheRequestInFlight) {
  SignInAsAdmin(dir_.File("http.db"), server_.port());
  Connection c(server_.port());
  const std::string body = R"({"name":"Frontex","kind":"intergovernmental"})";
  std::string request = FormatRequest("POST", "/api/v1/organizations", body);
  // Send everything but the body's last byte, then ask the server to stop.
  c.Send(request.substr(0, request.size() - 1));
  std::this_thread::sleep_for(100ms);
  std::thread stopper([&] { EXPECT_EQ(server_.Stop(SIGTERM), 0); });
  std::this_thread::sleep_for(200ms);
  c.Send(request.substr(request.size() - 1));
  auto r = c.Read();
  stopper.join();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(r->Header("connection"), "close");
  EXPECT_NE(server_.Output().find("stopped"), std::string::npos);
  SetBearerToken("");
}

TEST_F(HttpServerTest, SigintStopsCleanlyWithIdleConnectionsOpen) {
  Connection idle(server_.port());
  EXPECT_EQ(server_.Stop(SIGINT), 0);
  EXPECT_TRUE(idle.ClosedWithin(1s));
}

}  // namespace
}  // namespace capdev::testing

namespace capdev::testing {
namespace {

TEST(HttpConnectionCapTest, ClientsOverTheCapGet503AndTheOthersAreServed) {
  TempDir dir;
  ServerProcess server(dir.File("cap.db"), {"--max-connections", "2"});
  Connection first(server.port()), second(server.port());
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // both accepted
  Connection third(server.port());
  third.Send(FormatRequest("GET", "/healthz"));
  auto refused = third.Read();
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 503);
  EXPECT_EQ(refused->Header("content-type"), "application/problem+json");
  first.Send(FormatRequest("GET", "/healthz"));
  auto served = first.Read();
  ASSERT_TRUE(served.has_value());
  EXPECT_EQ(served->status, 200);
}

}  // namespace
}  // namespace capdev::testing

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace capdev::testing {
namespace {

using namespace std::chrono_literals;

// RFC 9112 framing: what a proxy in front could read differently is refused.
class HttpFramingTest : public HttpServerTest {
 protected:
  std::optional<HttpResponse> Raw(const std::string& bytes) {
    Connection c(server_.port());
    c.Send(bytes);
    return c.Read();
  }
};

TEST_F(HttpFramingTest, Http11WithoutHostIs400) {
  auto r = Raw("GET /healthz HTTP/1.1\r\n\r\n");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(r->Header("content-type"), "application/problem+json");
  auto twice = Raw("GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
  ASSERT_TRUE(twice.has_value());
  EXPECT_EQ(twice->status, 400);
  auto ok = Raw("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->status, 200);
  auto http10 = Raw("GET /healthz HTTP/1.0\r\n\r\n");  // Host optional there
  ASSERT_TRUE(http10.has_value());
  EXPECT_EQ(http10->status, 200);
}

TEST_F(HttpFramingTest, UnknownTransferCodingIs400) {
  const std::string body = R"({"name":"X","kind":"ngo"})";
  auto r =
      Raw("POST /api/v1/organizations HTTP/1.1\r\nHost: h\r\n"
          "Transfer-Encoding: xchunked\r\nContent-Length: " +
          std::to_string(body.size()) + "\r\n\r\n" + body);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 400);
  auto alone =
      Raw("POST /api/v1/organizations HTTP/1.1\r\nHost: h\r\n"
          "Transfer-Encoding: xchunked\r\n\r\n");
  ASSERT_TRUE(alone.has_value());
  EXPECT_EQ(alone->status, 400);
}

TEST_F(HttpFramingTest, ContentLengthWithChunkedIs400) {
  auto r =
      Raw("POST /api/v1/organizations HTTP/1.1\r\nHost: h\r\n"
          "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
          "0\r\n\r\n");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 400);
}

TEST_F(HttpFramingTest, ChunkedAloneIsStillRead) {
  // Unauthenticated, so 401: the body was framed and the route reached.
  auto r =
      Raw("POST /api/v1/organizations HTTP/1.1\r\nHost: h\r\n"
          "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 401);
}

// A TCP connection to the server from a chosen local address (all of
// 127.0.0.0/8 is loopback on Linux).
int ConnectFrom(const char* source, std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  ::inet_pton(AF_INET, source, &local.sin_addr);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
    ::close(fd);
    return -1;
  }
  sockaddr_in server{};
  server.sin_family = AF_INET;
  server.sin_port = htons(port);
  ::inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

TEST(HttpConnectionCapTest, OneAddressCannotStarveTheOthers) {
  TempDir dir;
  // Default caps: 512 in all, 64 per address; a long idle timeout, so only
  // the caps can protect the other client.
  ServerProcess server(dir.File("starve.db"), {"--idle-timeout-ms", "60000"});
  std::vector<int> idle;
  for (int i = 0; i < 600; ++i) {
    const int fd = ConnectFrom("127.0.0.2", server.port());
    ASSERT_GE(fd, 0) << "connection " << i;
    idle.push_back(fd);
  }
  std::this_thread::sleep_for(300ms);  // all accepted (or refused)
  const auto started = std::chrono::steady_clock::now();
  auto r = Get(server.port(), "/healthz");  // from 127.0.0.1
  EXPECT_EQ(r.status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  for (int fd : idle) ::close(fd);
}

TEST(HttpConnectionCapTest,
     AnIdleNewConnectionIsClosedAfterTheFirstByteDeadline) {
  TempDir dir;
  ServerProcess server(dir.File("first.db"), {"--first-byte-timeout-ms", "300",
                                              "--idle-timeout-ms", "60000"});
  Connection silent(server.port());
  EXPECT_TRUE(silent.ClosedWithin(2s));
  // A kept-alive connection waits the (longer) idle timeout instead.
  Connection kept(server.port());
  kept.Send(FormatRequest("GET", "/healthz"));
  ASSERT_TRUE(kept.Read().has_value());
  EXPECT_FALSE(kept.ClosedWithin(800ms));
}

TEST(HttpConnectionCapTest, PerAddressCapIsConfigurable) {
  TempDir dir;
  ServerProcess server(dir.File("per.db"),
                       {"--max-connections-per-address", "3"});
  std::vector<int> held;
  for (int i = 0; i < 3; ++i)
    held.push_back(ConnectFrom("127.0.0.3", server.port()));
  std::this_thread::sleep_for(200ms);
  const int fourth = ConnectFrom("127.0.0.3", server.port());
  ASSERT_GE(fourth, 0);
  const std::string request = FormatRequest("GET", "/healthz");
  ASSERT_EQ(::write(fourth, request.data(), request.size()),
            static_cast<ssize_t>(request.size()));
  char buf[512] = {};
  const auto n = ::read(fourth, buf, sizeof buf - 1);
  EXPECT_GT(n, 0);
  EXPECT_NE(std::string(buf).find(" 503 "), std::string::npos) << buf;
  EXPECT_EQ(Get(server.port(), "/healthz").status, 200);  // another address
  ::close(fourth);
  for (int fd : held) ::close(fd);
}

}  // namespace
}  // namespace capdev::testing
