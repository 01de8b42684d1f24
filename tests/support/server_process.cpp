#include "tests/support/server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <stdexcept>

#include "tests/support/http_client.hpp"

namespace capdev::testing {

std::string CapdevBinary() { return CAPDEV_BINARY; }

namespace {

pid_t Spawn(const std::vector<std::string>& args, int& out_fd, int* in_fd) {
  int out[2], in[2];
  if (pipe(out) != 0 || pipe(in) != 0) throw std::runtime_error("pipe failed");
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(out[1], 2);
    close(in[1]);
    close(out[0]);
    std::vector<char*> argv;
    std::string binary = CapdevBinary();
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  out_fd = out[0];
  if (in_fd) {
    *in_fd = in[1];
  } else {
    close(in[1]);
  }
  return pid;
}

int ExitCode(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

CommandResult RunCapdev(const std::vector<std::string>& args,
                        const std::string& input) {
  int out_fd = -1, in_fd = -1;
  pid_t pid = Spawn(args, out_fd, &in_fd);
  if (!input.empty()) (void)!write(in_fd, input.data(), input.size());
  close(in_fd);
  CommandResult result;
  char buf[4096];
  for (ssize_t n; (n = read(out_fd, buf, sizeof buf)) > 0;)
    result.output.append(buf, n);
  close(out_fd);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = ExitCode(status);
  return result;
}

void AddUser(const std::string& db_path, const std::string& username,
             const std::string& role,
             std::optional<std::int64_t> organization_id,
             const std::string& password) {
  std::vector<std::string> args = {"user", "add",  username, "--role",
                                   role,   "--db", db_path};
  if (organization_id) {
    args.push_back("--organization");
    args.push_back(std::to_string(*organization_id));
  }
  auto r = RunCapdev(args, password + "\n");
  if (r.exit_code != 0)
    throw std::runtime_error("capdev user add failed: " + r.output);
}

std::string Login(std::uint16_t port, const std::string& username,
                  const std::string& password) {
  auto r = Post(port, "/api/v1/auth/login",
                {{"username", username}, {"password", password}});
  if (r.status != 200) throw std::runtime_error("login failed: " + r.body);
  return std::string(r.Json().at("token").as_string());
}

void SignInAsAdmin(const std::string& db_path, std::uint16_t port) {
  AddUser(db_path, "admin", "admin");
  SetBearerToken(Login(port, "admin"));
}

ServerProcess::ServerProcess(const std::string& db_path,
                             std::vector<std::string> extra) {
  // `serve` refuses a database that does not exist: create it as an
  // operator would.
  if (access(db_path.c_str(), F_OK) != 0) {
    auto migrated = RunCapdev({"migrate", "--db", db_path});
    if (migrated.exit_code != 0)
      throw std::runtime_error("capdev migrate failed: " + migrated.output);
  }
  std::vector<std::string> args = {"serve", "--db", db_path, "--port", "0"};
  args.insert(args.end(), extra.begin(), extra.end());
  pid_ = Spawn(args, out_fd_, nullptr);
  reader_ = std::thread([this] {
    char buf[4096];
    for (ssize_t n; (n = read(out_fd_, buf, sizeof buf)) > 0;) {
      std::lock_guard lock(mutex_);
      output_.append(buf, n);
    }
  });
  const std::regex listening(R"(listening on http://[^:]+:(\d+))");
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch m;
    std::string out = Output();
    if (std::regex_search(out, m, listening)) {
      port_ = static_cast<std::uint16_t>(std::stoi(m[1]));
      return;
    }
    int status;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  reader_.join();
  close(out_fd_);
  throw std::runtime_error("capdev serve did not start: " + output_);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Stop(SIGKILL);
  if (reader_.joinable()) reader_.join();
  if (out_fd_ >= 0) close(out_fd_);
}

int ServerProcess::Stop(int signal) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (reader_.joinable()) reader_.join();
  return ExitCode(status);
}

std::string ServerProcess::Output() {
  std::lock_guard lock(mutex_);
  return output_;
}

}  // namespace capdev::testing
