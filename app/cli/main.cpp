// The `capdev` command line: serve, migrate, seed, user, and the operator's
// backup, restore and check.

#include <sched.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "app/cli/seed_loader.hpp"
#include "app/cli/serve.hpp"
#include "app/cli/user_command.hpp"
#include "app/i18n/catalog.hpp"
#include "app/i18n/local_time.hpp"
#include "app/services/credentials.hpp"
#include "storage/database.hpp"
#include "storage/maintenance.hpp"
#include "storage/migrations.hpp"

namespace {

// The cores this process may run on (`taskset` narrows them), at least one.
int UsableCores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    return std::max(1, CPU_COUNT(&set));
  }
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

int Migrate(const std::string& path) {
  capdev::storage::Database db({path});
  const auto before = capdev::storage::SchemaVersion(db);
  if (!before.ok()) {
    spdlog::error("{}", capdev::i18n::LogText(before.status()));
    return 1;
  }
  if (auto s = capdev::storage::Migrate(db); !s.ok()) {
    spdlog::error("{}", capdev::i18n::LogText(s));
    return 1;
  }
  const auto after = capdev::storage::SchemaVersion(db);
  if (!after.ok()) {
    spdlog::error("{}", capdev::i18n::LogText(after.status()));
    return 1;
  }
  spdlog::info("schema of {} at version {} (was {})", path, *after, *before);
  return 0;
}

int Backup(const std::string& path, const std::string& out) {
  if (auto s = capdev::storage::BackupDatabase(path, out); !s.ok()) {
    spdlog::error("backup of {} failed: {}", path, capdev::i18n::LogText(s));
    return 1;
  }
  if (capdev::storage::IsPostgresUri(path)) {
    spdlog::info("backed up {} to {} (pg_dump, custom format)", path, out);
  } else {
    spdlog::info("backed up {} to {} (checked: integrity and foreign keys ok)",
                 path, out);
  }
  return 0;
}

int Restore(const std::string& path, const std::string& backup) {
  const bool postgres = capdev::storage::IsPostgresUri(path);
  const bool replaced = !postgres && std::filesystem::exists(path);
  if (auto s = capdev::storage::RestoreDatabase(path, backup); !s.ok()) {
    spdlog::error("restore of {} refused: {}", path, capdev::i18n::LogText(s));
    return 1;
  }
  if (postgres) {
    spdlog::info("restored {} from {} (pg_restore, in one transaction)", path,
                 backup);
  } else if (replaced) {
    spdlog::info("restored {} from {}; the previous files are kept as {}", path,
                 backup, path + ".pre-restore");
  } else {
    spdlog::info("restored {} from {}; there was no database there before",
                 path, backup);
  }
  return 0;
}

int Check(const std::string& path) {
  const auto problems = capdev::storage::CheckDatabase(path);
  for (const auto& p : problems) {
    spdlog::error(
        "{}: {}: {}", path, p.field,
        capdev::i18n::Render(capdev::domain::Language::kEn, p.message));
  }
  if (!problems.empty()) {
    spdlog::error("{} FAILED its checks ({} problems); restore a backup", path,
                  problems.size());
    return 1;
  }
  spdlog::info("{}: ok ({})", path,
               capdev::storage::IsPostgresUri(path)
                   ? "participation recounted; PostgreSQL enforces the keys"
                   : "integrity_check, foreign_key_check");
  return 0;
}

// The command line; main() only stops an exception from escaping.
int Run(int argc, char** argv) {
  // Logs go to stdout; they never carry personal data (see router.cpp).
  spdlog::set_default_logger(spdlog::stdout_color_mt("capdev"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ %v",
                      spdlog::pattern_time_type::utc);
  spdlog::flush_on(spdlog::level::info);

  CLI::App cli{"capdev: training-programme management backend"};
  cli.set_version_flag("--version", std::string(CAPDEV_VERSION));
  cli.require_subcommand(1);
  cli.fallthrough();  // --log-level works before or after the subcommand
  std::string log_level = "info";
  cli.add_option("--log-level", log_level,
                 "trace, debug, info, warn, error, off")
      ->envname("CAPDEV_LOG_LEVEL")
      ->check(CLI::IsMember(
          {"trace", "debug", "info", "warn", "error", "critical", "off"}));

  std::string db_path = "data/capdev.db";
  capdev::cli::ServeOptions serve;
  auto* serve_cmd = cli.add_subcommand("serve", "Serve the HTTP API");
  serve_cmd
      ->add_option("--db", db_path,
                   "SQLite database file, or a postgresql:// URI")
      ->envname("CAPDEV_DB");
  serve_cmd
      ->add_option("--read-db", serve.read_database,
                   "A PostgreSQL hot standby of --db (postgresql://...): "
                   "reports and exports read it")
      ->envname("CAPDEV_READ_DB");
  serve_cmd
      ->add_option("--port", serve.http.port, "TCP port (0 picks a free one)")
      ->envname("CAPDEV_PORT");
  serve_cmd->add_option("--host", serve.http.host, "Address to listen on")
      ->envname("CAPDEV_HOST");
  serve_cmd
      ->add_option("--public-url", serve.public_url,
                   "Where users reach capdev, when behind a proxy "
                   "(https://capdev.example.org: the session cookie is then "
                   "Secure)")
      ->envname("CAPDEV_PUBLIC_URL")
      ->check([](const std::string& url) {
        return url.starts_with("https://") || url.starts_with("http://")
                   ? std::string()
                   : std::string("must start with https:// or http://");
      });
  serve_cmd
      ->add_option("--time-zone", serve.time_zone,
                   "Where the sessions' times are kept (an IANA name): "
                   "self check-in opens and closes by it")
      ->envname("CAPDEV_TIME_ZONE")
      ->check([](const std::string& zone) {
        return capdev::i18n::KnownTimeZone(zone)
                   ? std::string()
                   : std::string(
                         "unknown time zone (an IANA name such as "
                         "Asia/Shanghai)");
      });
  serve_cmd
      ->add_option("--web-dir", serve.web_dir,
                   "Serve the web app from this folder (development)")
      ->envname("CAPDEV_WEB_DIR");
  serve.http.io_threads = UsableCores();
  auto* threads_opt =
      serve_cmd
          ->add_option("--threads", serve.http.io_threads,
                       "Threads answering connections and short reads "
                       "(default: the usable cores; 4 times as many, at "
                       "least 8, on PostgreSQL)")
          ->envname("CAPDEV_THREADS")
          ->check(CLI::Range(1, 64));
  serve_cmd
      ->add_option("--report-workers", serve.long_reads.threads,
                   "Threads for reports and exports (each with its own "
                   "connection)")
      ->envname("CAPDEV_REPORT_WORKERS")
      ->check(CLI::Range(1, 64));
  int report_budget_seconds = 30;
  serve_cmd
      ->add_option("--report-budget-seconds", report_budget_seconds,
                   "A report's queries stop with a 503 after this long")
      ->envname("CAPDEV_REPORT_BUDGET_SECONDS")
      ->check(CLI::Range(1, 3600));
  int write_budget_ms = 2'000;
  serve_cmd
      ->add_option("--write-budget-ms", write_budget_ms,
                   "A change (an import's writes) that would hold the "
                   "database longer is refused with a 503, nothing saved")
      ->envname("CAPDEV_WRITE_BUDGET_MS")
      ->check(CLI::Range(1, 3'600'000));
  int read_timeout_ms = 10'000, idle_timeout_ms = 30'000,
      first_byte_timeout_ms = 5'000;
  serve_cmd
      ->add_option("--read-timeout-ms", read_timeout_ms,
                   "Deadline to read one request")
      ->envname("CAPDEV_READ_TIMEOUT_MS")
      ->check(CLI::Range(100, 600'000));
  serve_cmd
      ->add_option("--idle-timeout-ms", idle_timeout_ms,
                   "Keep-alive idle timeout")
      ->envname("CAPDEV_IDLE_TIMEOUT_MS")
      ->check(CLI::Range(100, 3'600'000));
  serve_cmd
      ->add_option("--first-byte-timeout-ms", first_byte_timeout_ms,
                   "Deadline for a new connection's first byte")
      ->envname("CAPDEV_FIRST_BYTE_TIMEOUT_MS")
      ->check(CLI::Range(100, 600'000));
  serve_cmd
      ->add_option("--max-connections", serve.http.max_connections,
                   "Open connection cap")
      ->envname("CAPDEV_MAX_CONNECTIONS")
      ->check(CLI::Range(1, 100'000));
  serve_cmd
      ->add_option("--max-connections-per-address",
                   serve.http.max_connections_per_address,
                   "Open connection cap per client address")
      ->envname("CAPDEV_MAX_CONNECTIONS_PER_ADDRESS")
      ->check(CLI::Range(1, 100'000));
  serve_cmd
      ->add_option("--trusted-proxy", serve.http.trusted_proxy,
                   "The address of a reverse proxy (nginx) whose "
                   "X-Forwarded-For names the client")
      ->envname("CAPDEV_TRUSTED_PROXY");
  serve_cmd
      ->add_option("--body-limit", serve.http.body_limit,
                   "Largest request body, bytes")
      ->envname("CAPDEV_BODY_LIMIT");

  serve_cmd
      ->add_option("--token-idle-seconds", serve.auth.lifetime.idle_seconds,
                   "Sign a token out after this long unused")
      ->envname("CAPDEV_TOKEN_IDLE_SECONDS")
      ->check(CLI::Range(1, 7 * 24 * 3600));
  serve_cmd
      ->add_option("--token-lifetime-seconds",
                   serve.auth.lifetime.absolute_seconds,
                   "Sign a token out this long after login, used or not")
      ->envname("CAPDEV_TOKEN_LIFETIME_SECONDS")
      ->check(CLI::Range(1, 30 * 24 * 3600));
  serve_cmd
      ->add_option("--login-failures", serve.auth.max_failures_per_pair,
                   "Failed logins of one username from one address in 15 "
                   "minutes before that pair is refused (429) until they age "
                   "out; from the third on each waits 1 s, 2 s, 4 s...")
      ->envname("CAPDEV_LOGIN_FAILURES")
      ->check(CLI::Range(1, 1000));
  serve_cmd
      ->add_option("--login-failures-per-address",
                   serve.auth.max_failures_per_address,
                   "Failed logins from one address (any username) in 15 "
                   "minutes before it is refused, except for usernames that "
                   "signed in from it within 30 days")
      ->envname("CAPDEV_LOGIN_FAILURES_PER_ADDRESS")
      ->check(CLI::Range(1, 1'000'000));
  serve_cmd
      ->add_option("--login-failures-per-account",
                   serve.auth.max_failures_per_account,
                   "Failed logins of one username (any address) in 15 "
                   "minutes before it is refused from addresses it has not "
                   "signed in from within 30 days")
      ->envname("CAPDEV_LOGIN_FAILURES_PER_ACCOUNT")
      ->check(CLI::Range(1, 1'000'000));

  capdev::cli::UserCommand user;
  auto* user_cmd =
      cli.add_subcommand("user", "Manage users (passwords on standard input)");
  user_cmd->require_subcommand(1);
  for (const char* action :
       {"add", "list", "disable", "enable", "reset", "bootstrap"}) {
    auto* sub = user_cmd->add_subcommand(
        action, std::string(action) == "bootstrap"
                    ? "Create the first admin if there is none"
                    : std::string(action) + " a user");
    sub->add_option("--db", db_path,
                    "SQLite database file, or a postgresql:// URI")
        ->envname("CAPDEV_DB");
    if (std::string(action) != "list" && std::string(action) != "bootstrap") {
      sub->add_option("username", user.username, "User name")->required();
    }
    if (std::string(action) == "bootstrap") {
      sub->add_option("--url", user.url,
                      "Where the web app is served (said in the sign-in line)")
          ->capture_default_str();
    }
    if (std::string(action) == "add") {
      sub->add_option("--role", user.role,
                      "admin, coordinator, viewer or funder")
          ->required();
      sub->add_option("--organization", user.organization_id,
                      "The funder's organization id");
    }
    sub->callback([&user, action] { user.action = action; });
  }

  auto* migrate_cmd =
      cli.add_subcommand("migrate", "Create or upgrade the database schema");
  migrate_cmd
      ->add_option("--db", db_path,
                   "SQLite database file, or a postgresql:// URI")
      ->envname("CAPDEV_DB");

  auto* seed_cmd =
      cli.add_subcommand("seed", "Load the five recorded events (idempotent)");
  seed_cmd
      ->add_option("--db", db_path,
                   "SQLite database file, or a postgresql:// URI")
      ->envname("CAPDEV_DB");
  std::string seed_dir;
  seed_cmd
      ->add_option(
          "--from", seed_dir,
          "Read the seed from this folder instead of the built-in copy")
      ->check(CLI::ExistingDirectory);

  auto* backup_cmd = cli.add_subcommand(
      "backup", "Write a consistent copy of a live database to OUT");
  backup_cmd
      ->add_option("--db", db_path,
                   "SQLite database file, or a postgresql:// URI")
      ->envname("CAPDEV_DB");
  std::string file_arg;
  backup_cmd->add_option("out", file_arg, "The backup file to write")
      ->required();
  auto* restore_cmd = cli.add_subcommand(
      "restore", "Replace the database with a checked backup (server stopped)");
  restore_cmd
      ->add_option("--db", db_path,
                   "SQLite database file, or a postgresql:// URI")
      ->envname("CAPDEV_DB");
  restore_cmd->add_option("backup", file_arg, "The backup file to restore")
      ->required();
  auto* check_cmd =
      cli.add_subcommand("check", "Run the integrity and foreign-key checks");
  check_cmd
      ->add_option("--db", db_path,
                   "SQLite database file, or a postgresql:// URI")
      ->envname("CAPDEV_DB");

  CLI11_PARSE(cli, argc, argv);
  spdlog::set_level(spdlog::level::from_str(log_level));

  try {
    capdev::services::InitCrypto();
    if (*user_cmd) {
      user.db_path = db_path;
      return capdev::cli::RunUserCommand(user);
    }
    if (*serve_cmd) {
      serve.database.path = db_path;
      // A short read runs on its I/O thread; on PostgreSQL it waits there
      // for the server's answers, so more threads keep the other
      // connections answered meanwhile (SQLite's reads use the CPU).
      if (threads_opt->count() == 0 && capdev::storage::IsPostgresUri(db_path))
        serve.http.io_threads = std::min(64, std::max(8, 4 * UsableCores()));
      serve.http.read_timeout = std::chrono::milliseconds(read_timeout_ms);
      serve.write_budget = std::chrono::milliseconds(write_budget_ms);
      serve.long_reads.budget = std::chrono::seconds(report_budget_seconds);
      serve.http.idle_timeout = std::chrono::milliseconds(idle_timeout_ms);
      serve.http.first_byte_timeout =
          std::chrono::milliseconds(first_byte_timeout_ms);
      // A per-address cap above the global one would mean nothing.
      serve.http.max_connections_per_address = std::min(
          serve.http.max_connections_per_address, serve.http.max_connections);
      return capdev::cli::Serve(serve);
    }
    if (*migrate_cmd) return Migrate(db_path);
    if (*seed_cmd) return capdev::cli::RunSeed(db_path, seed_dir);
    if (*backup_cmd) return Backup(db_path, file_arg);
    if (*restore_cmd) return Restore(db_path, file_arg);
    if (*check_cmd) return Check(db_path);
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Run() logs what its commands throw; this reports anything else (the
  // logger or the options failing to set up: a bug) instead of terminating.
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "capdev: %s\n", e.what());
  } catch (...) {
    std::fputs("capdev: an unknown exception\n", stderr);
  }
  return 1;
}
