#pragma once
// `capdev serve`: checks, opens and migrates the database, then serves HTTP
// until SIGINT/SIGTERM, finishing in-flight requests before it returns.

#include <chrono>

#include "app/http/server.hpp"
#include "app/http/worker_pool.hpp"
#include "app/services/auth_service.hpp"
#include "storage/database.hpp"

namespace capdev::cli {

struct ServeOptions {
  storage::DatabaseOptions database;
  // A PostgreSQL hot standby of `database` for reports and exports (GET
  // long reads); empty: they read the primary too, as they do while the
  // standby cannot be reached.
  std::string read_database;
  http::ServerOptions http;
  http::WorkerPoolOptions long_reads;  // reports and exports
  services::AuthOptions auth;
  std::string web_dir;  // empty: the web app compiled into the binary
  // Where users reach capdev (https://capdev.example.org behind a TLS
  // proxy); empty: as it listens.
  std::string public_url;
  // Where the sessions' times are kept (IANA name): self check-in's windows.
  std::string time_zone = "Asia/Shanghai";
  // How long one change may hold the writer (a 503 beyond, nothing saved).
  std::chrono::milliseconds write_budget{2000};
  // How often a blocked WAL truncation (after an erasure) is tried again.
  std::chrono::milliseconds checkpoint_retry{1000};
};

// Returns the process exit code.
int Serve(const ServeOptions& options);

}  // namespace capdev::cli
