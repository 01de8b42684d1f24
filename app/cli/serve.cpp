#include "app/cli/serve.hpp"

#include <spdlog/spdlog.h>

#include <optional>
#include <utility>

#include "app/api/routes.hpp"
#include "app/cli/heap.hpp"
#include "app/http/connection_pool.hpp"
#include "app/http/problem.hpp"
#include "app/http/web_assets.hpp"
#include "app/http/worker_pool.hpp"
#include "app/http/writer.hpp"
#include "app/i18n/catalog.hpp"
#include "storage/maintenance.hpp"
#include "storage/migrations.hpp"
#include "storage/server_lock.hpp"
#include "storage/sqlite/wal_checkpointer.hpp"
#include "storage/transaction.hpp"

namespace capdev::cli {

namespace {

http::Response Unavailable() {
  return http::Problem(503, "error.database_unavailable");
}

// A short read, on the calling I/O thread, inside one snapshot: SQLite takes
// its locks once, and a record and its lists are read at one point in time.
// Never throws (the router answers its own exceptions).
http::Response ReadNow(http::ConnectionPool& reads, const http::Router& router,
                       const http::Request& request,
                       const http::Router::Target& target) {
  const auto lease = reads.Acquire();
  if (!lease.get()) return Unavailable();
  const auto snapshot = storage::ReadTransaction::Begin(*lease.get());
  if (!snapshot.ok()) {
    spdlog::error("a read could not begin: {}",
                  i18n::LogText(snapshot.status()));
    return Unavailable();
  }
  return router.Dispatch(request, target, *lease.get());
}

http::Response ReportsBusy() {
  auto busy = http::Problem(503, "error.reports_busy");
  busy.headers.emplace_back("Retry-After", "60");
  return busy;
}

}  // namespace

int Serve(const ServeOptions& options) {
  KeepFreedMemoryForReuse();
  const std::string& path = options.database.path;
  // Refuse before opening: SQLite would create a missing file, and a corrupt
  // one would answer 500s behind a healthy /healthz.
  if (auto s = storage::CheckServable(path); !s.ok()) {
    spdlog::error("cannot serve: {}", i18n::LogText(s));
    return 1;
  }
  // A SQLite file is held until we return: `capdev restore` refuses while a
  // server holds it. Several servers share a PostgreSQL database.
  const bool sqlite = !storage::IsPostgresUri(path);
  if (!options.read_database.empty() &&
      (sqlite || !storage::IsPostgresUri(options.read_database))) {
    spdlog::error(
        "cannot serve: --read-db is a PostgreSQL hot standby of --db, and "
        "both are postgresql:// URIs");
    return 1;
  }
  std::optional<storage::DatabaseLock> lock;
  if (sqlite) {
    auto held = storage::DatabaseLock::Acquire(
        path, storage::DatabaseLock::Mode::kShared);
    if (!held.ok()) {
      spdlog::error("cannot serve: {}", i18n::LogText(held.status()));
      return 1;
    }
    lock.emplace(std::move(*held));
  }
  {
    storage::Database db(options.database);
    if (auto s = storage::Migrate(db); !s.ok()) {
      spdlog::error("cannot serve {}: {}", options.database.path,
                    i18n::LogText(s));
      return 1;
    }
  }
  // Erasure asks it to truncate SQLite's WAL; it retries until readers let
  // it. PostgreSQL keeps its own WAL.
  auto checkpointer = sqlite ? std::make_shared<storage::WalCheckpointer>(
                                   path, options.checkpoint_retry)
                             : nullptr;
  auto auth = std::make_shared<services::AuthService>(options.auth);
  const http::Router router = api::MakeRouter(
      auth, checkpointer,
      {.secure_cookies = options.public_url.starts_with("https://"),
       .public_url = options.public_url,
       .time_zone = options.time_zone});
  http::Writer writer(options.database, options.write_budget);
  // A read's token use is recorded by the writer: reads never take the lock.
  auth->DeferTokenTouches([&writer](std::string hash, std::int64_t now) {
    writer.Post(
        [hash = std::move(hash), now](storage::Database& db) {
          if (auto s = storage::TouchToken(db, hash, now); !s.ok()) {
            // Only the idle expiry's clock: nobody waits for this answer.
            spdlog::error("a token's use could not be recorded: {}",
                          i18n::LogText(s));
            return http::Problem(s);  // a 5xx: the writer rolls it back
          }
          return http::Response{};
        },
        [](const http::Response&) {});
  });
  http::ConnectionPool reads(options.database);
  http::WorkerPool long_reads(options.database, options.long_reads);
  // Reports and exports read the hot standby; a token is still checked on
  // the primary. Long reads that plan writes (imports) read the primary.
  std::optional<http::WorkerPool> replica_reads;
  if (!options.read_database.empty()) {
    storage::DatabaseOptions replica = options.database;
    replica.path = options.read_database;
    replica_reads.emplace(replica, options.long_reads);
  }
  const http::WebAssets web(options.web_dir);
  auto http_options = options.http;
  http_options.takes_large_body = [&router](const std::string& method,
                                            const std::string& target) {
    return router.TakesLargeBody(method, target);
  };
  http::Server server(
      http_options,
      [&](http::Request request, std::function<void(http::Response)> reply) {
        // The web app's files need no database: answered on the I/O thread.
        if (auto asset = web.Serve(request)) return reply(std::move(*asset));
        auto target = router.Resolve(request);
        switch (target.kind) {
          case http::RequestKind::kRead:
            // Answered right here: a hop to another thread would cost more than
            // the query.
            return reply(ReadNow(reads, router, request, target));
          case http::RequestKind::kWrite:
            return writer.Post(
                [&router, request = std::move(request),
                 target = std::move(target)](storage::Database& db) {
                  auto answer = router.Dispatch(request, target, db);
                  // Planned here already: written right away.
                  if (auto write = std::exchange(answer.then_write, nullptr))
                    return write(db);
                  return answer;
                },
                std::move(reply));
          case http::RequestKind::kLongRead: {
            auto shared = std::make_shared<std::function<void(http::Response)>>(
                std::move(reply));
            if (replica_reads && request.method == "GET") {
              const bool queued = replica_reads->TryPost(
                  [&router, &reads, &options, request = std::move(request),
                   target = std::move(target), shared](storage::Database* db) {
                    const auto primary = reads.Acquire();
                    if (!primary.get()) return (*shared)(Unavailable());
                    if (db) {
                      return (*shared)(
                          router.Dispatch(request, target, *db, primary.get()));
                    }
                    // The standby cannot be reached: the primary answers,
                    // under the same time budget.
                    spdlog::warn(
                        "the read replica is unreachable: a report "
                        "reads the primary");
                    primary.get()->SetDeadline(
                        std::chrono::steady_clock::now() +
                        options.long_reads.budget);
                    auto answer =
                        router.Dispatch(request, target, *primary.get());
                    primary.get()->SetDeadline(std::nullopt);
                    (*shared)(std::move(answer));
                  });
              if (!queued) (*shared)(ReportsBusy());
              return;
            }
            const bool queued = long_reads.TryPost(
                [&router, &writer, request = std::move(request),
                 target = std::move(target), shared](storage::Database* db) {
                  if (!db) return (*shared)(Unavailable());
                  auto answer = router.Dispatch(request, target, *db);
                  // Read and planned here: only its writes go to the writer.
                  if (auto write = std::exchange(answer.then_write, nullptr)) {
                    return writer.Post(std::move(write),
                                       [shared](http::Response r) {
                                         (*shared)(std::move(r));
                                       });
                  }
                  (*shared)(std::move(answer));
                });
            if (!queued) (*shared)(ReportsBusy());
            return;
          }
        }
      });
  const auto port = server.Listen();
  // Tests and scripts read this line to learn the port chosen by --port 0.
  spdlog::info("listening on http://{}:{}", options.http.host, port);
  server.Run();
  // Every dispatched request finishes, then the connections close.
  if (replica_reads) replica_reads->Stop();
  long_reads.Stop();
  writer.Stop();
  spdlog::info("stopped");
  return 0;
}

}  // namespace capdev::cli
