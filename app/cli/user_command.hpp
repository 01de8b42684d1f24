#pragma once
// `capdev user ...`: accounts are managed from the command line, passwords
// read from standard input (never from arguments, which `ps` shows).

#include <cstdint>
#include <optional>
#include <string>

namespace capdev::cli {

struct UserCommand {
  std::string action;  // add, list, disable, enable, reset, bootstrap
  std::string db_path;
  std::string username;
  std::string role;
  std::optional<std::int64_t> organization_id;
  // bootstrap: where the web app will be served, for the line saying where
  // to sign in.
  std::string url = "http://127.0.0.1:8080/";
};

// Returns the exit code; messages go to standard output.
int RunUserCommand(const UserCommand& command);

}  // namespace capdev::cli
