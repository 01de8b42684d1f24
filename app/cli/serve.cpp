#include "app/cli/serve.hpp"

#include <spdlog/spdlog.h>

#include "app/api/routes.hpp"
#include "app/http/web_assets.hpp"
#include "app/http/problem.hpp"
#include "app/http/worker_pool.hpp"
#include "storage/migrations.hpp"

namespace capdev::app {

int Serve(const ServeOptions& options) {
  {
    storage::Database db(options.database);
    if (auto s = storage::Migrate(db); !s.ok()) {
      spdlog::error("cannot serve {}: {}", options.database.path, s.detail());
      return 1;
    }
  }
  const Router router = MakeRouter(std::make_shared<AuthService>(options.auth));
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
