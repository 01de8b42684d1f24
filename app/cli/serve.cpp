#include "app/cli/serve.hpp"

#include <spdlog/spdlog.h>

#include "app/api/routes.hpp"
#include "app/http/web_assets.hpp"
#include "app/http/problem.hpp"
#include "app/http/worker_pool.hpp"
#include "storage/maintenance.hpp"
#include "storage/migrations.hpp"
#include "storage/server_lock.hpp"
#include "storage/wal_checkpointer.hpp"

namespace capdev::app {

int Serve(const ServeOptions& options) {
  const std::string& path = options.database.path;
  // Refuse before opening: SQLite would create a missing file, and a corrupt
  // one would answer 500s behind a healthy /healthz.
  if (auto s = storage::CheckServable(path); !s.ok()) {
    spdlog::error("cannot serve: {}", s.detail());
    return 1;
  }
  // Held until we return: `capdev restore` refuses while a server holds it.
  auto lock = storage::DatabaseLock::Acquire(
      path, storage::DatabaseLock::Mode::kShared);
  if (!lock.ok()) {
    spdlog::error("cannot serve: {}", lock.status().detail());
    return 1;
  }
  {
    storage::Database db(options.database);
    if (auto s = storage::Migrate(db); !s.ok()) {
      spdlog::error("cannot serve {}: {}", options.database.path, s.detail());
      return 1;
    }
  }
  // Erasure asks it to truncate the WAL; it retries until readers let it.
  auto checkpointer = std::make_shared<storage::WalCheckpointer>(
      path, options.checkpoint_retry);
  const Router router =
      MakeRouter(std::make_shared<AuthService>(options.auth), checkpointer);
  WorkerPool pool(options.database, options.workers);
  const WebAssets web(options.web_dir);
  Server server(options.http, [&](Request request,
                                  std::function<void(Response)> reply) {
    // The web app's files need no database: answered on the I/O thread.
    if (auto asset = web.Serve(request)) return reply(std::move(*asset));
    pool.Post([&router, request = std::move(request),
               reply = std::move(reply)](storage::Database* db) {
      reply(db ? router.Dispatch(request, *db)
               : Problem(503,
                         "The database is not available; try again shortly."));
    });
  });
  const auto port = server.Listen();
  // Tests and scripts read this line to learn the port chosen by --port 0.
  spdlog::info("listening on http://{}:{}", options.http.host, port);
  server.Run();
  pool.Stop();  // lets every dispatched request finish, then closes the
                // connections
  spdlog::info("stopped");
  return 0;
}

}  // namespace capdev::app
