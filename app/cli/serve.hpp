#pragma once
// `capdev serve`: opens and migrates the database, then serves HTTP until
// SIGINT/SIGTERM, finishing in-flight requests before it returns.

#include "app/services/auth_service.hpp"
#include "app/http/server.hpp"
#include "storage/database.hpp"

namespace capdev::app {

struct ServeOptions {
  storage::DatabaseOptions database;
  ServerOptions http;
  int workers = 4;
  AuthOptions auth;
  std::string web_dir;  // empty: the web app compiled into the binary
};

// Returns the process exit code.
int Serve(const ServeOptions& options);

}  // namespace capdev::app
