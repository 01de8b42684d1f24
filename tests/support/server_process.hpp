#pragma once
// Runs the real `capdev` binary as a child process on a free port, as a
// coordinator would, and stops it with a signal.

#include <sys/types.h>

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/command.hpp"

namespace capdev::testing {

// The capdev binary built alongside the tests.
std::string CapdevBinary();

// Runs `capdev args...` to completion, with `input` on standard input.
CommandResult RunCapdev(const std::vector<std::string>& args,
                        const std::string& input = "");

// Adds a user with `capdev user add` (password on standard input).
void AddUser(const std::string& db_path, const std::string& username,
             const std::string& role,
             std::optional<std::int64_t> organization_id = std::nullopt,
             const std::string& password = "correct horse battery");
// Signs in over HTTP and returns the bearer token.
std::string Login(std::uint16_t port, const std::string& username,
                  const std::string& password = "correct horse battery");
// Adds an admin, signs in and makes its token the default for every request.
void SignInAsAdmin(const std::string& db_path, std::uint16_t port);

class ServerProcess {
 public:
  // Starts `capdev serve --db PATH --port 0 extra...` (after `capdev migrate`
  // when PATH does not exist yet) and waits for its port.
  explicit ServerProcess(const std::string& db_path,
                         std::vector<std::string> extra = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  std::uint16_t port() const { return port_; }
  // The server's process id (for /proc/PID/...).
  pid_t pid() const { return pid_; }
  // Sends `signal` and waits; returns the exit code (or 128+signal).
  int Stop(int signal);
  std::string Output();

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::uint16_t port_ = 0;
  std::thread reader_;
  std::mutex mutex_;
  std::string output_;
};

}  // namespace capdev::testing
