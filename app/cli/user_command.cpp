#include "app/cli/user_command.hpp"

#include <iostream>
#include <string>

#include "app/i18n/catalog.hpp"
#include "app/services/credentials.hpp"
#include "app/services/users.hpp"
#include "domain/access.hpp"
#include "storage/accounts.hpp"
#include "storage/migrations.hpp"
#include "storage/transaction.hpp"

namespace capdev::cli {

namespace {

std::optional<std::string> ReadPassword() {
  std::string password;
  if (!std::getline(std::cin, password)) return std::nullopt;
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

int Fail(const std::string& message) {
  std::cout << "error: " << message << "\n";
  return 1;
}
// The command line speaks English (i18n::LogText's language).
int Fail(const domain::Message& message) {
  return Fail(i18n::Render(domain::Language::kEn, message));
}
domain::Message PasswordTooShort() {
  return domain::Message("error.password_too_short",
                         {{"min", services::kMinPassword}});
}

int Report(const domain::Status& s, const std::string& done) {
  if (!s.ok()) {
    return Fail(i18n::LogText(s));
  }
  std::cout << done << "\n";
  return 0;
}

int Add(storage::Database& db, const UserCommand& c) {
  auto password = ReadPassword();
  if (!password || password->size() < services::kMinPassword) {
    return Fail(PasswordTooShort());
  }
  services::UserChange change;
  change.username = c.username;
  change.role = domain::FromText<domain::Role>(c.role);
  change.organization_id = c.organization_id;
  change.password_hash = services::HashPassword(*password);
  auto added = storage::InWriteTx(db, [&](storage::WriteTx& tx) {
    return services::CreateUser(tx, nullptr, change);
  });
  return Report(domain::StatusOf(added),
                "added " + c.role + " user " + c.username);
}

// Applies `change` to the user named in the command.
domain::Status Change(storage::Database& db, const UserCommand& c,
                      const services::UserChange& change) {
  ASSIGN_OR_RETURN(const auto account, storage::AccountByName(db, c.username));
  if (!account) {
    return domain::Status::NotFound(
        domain::Message("error.no_user_named", {{"name", c.username}}));
  }
  return domain::StatusOf(storage::InWriteTx(db, [&](storage::WriteTx& tx) {
    return services::UpdateUser(tx, nullptr, account->id, change);
  }));
}

int List(storage::Database& db) {
  const auto accounts = storage::ListAccounts(db);
  if (!accounts.ok()) return Report(accounts.status(), "");
  for (const auto& a : *accounts) {
    std::cout << a.id << "\t" << a.username << "\t" << domain::ToText(a.role)
              << "\t"
              << (a.organization_id ? std::to_string(*a.organization_id) : "-")
              << "\t" << (a.disabled ? "disabled" : "active") << "\t"
              << a.created_at << "\n";
  }
  return 0;
}

int Reset(storage::Database& db, const UserCommand& c) {
  auto password = ReadPassword();
  if (!password || password->size() < services::kMinPassword) {
    return Fail(PasswordTooShort());
  }
  services::UserChange change;
  change.password_hash = services::HashPassword(*password);
  return Report(
      Change(db, c, change),
      "password of " + c.username + " reset; their sessions were signed out");
}

// The first admin, for `make run`: created once with a random password
// that is printed once, last, in the words a person signing in needs (the
// curl for scripts after it).
int Bootstrap(storage::Database& db, const std::string& url) {
  const auto accounts = storage::ListAccounts(db);
  if (!accounts.ok()) return Report(accounts.status(), "");
  for (const auto& a : *accounts) {
    if (a.role == domain::Role::kAdmin && !a.disabled) {
      std::cout << "\nOpen " << url << " and sign in as " << a.username
                << " (forgot the password? capdev user reset " << a.username
                << ")\n\n";
      return 0;
    }
  }
  const std::string password = services::RandomPassword();
  services::UserChange change;
  change.username = "admin";
  change.role = domain::Role::kAdmin;
  change.password_hash = services::HashPassword(password);
  auto added = storage::InWriteTx(db, [&](storage::WriteTx& tx) {
    return services::CreateUser(tx, nullptr, change);
  });
  if (!added.ok()) return Report(added.status(), "");
  // The API's address: the web app's, without its trailing slash.
  const std::string api =
      url.ends_with('/') ? url.substr(0, url.size() - 1) : url;
  std::cout << "\nCreated the first admin user. Scripts sign in with\n\n"
            << "  curl -s -X POST " << api << "/api/v1/auth/login \\\n"
            << "       -d '{\"username\": \"admin\", \"password\": \""
            << password << "\"}'\n\n"
            << "and send the token as 'Authorization: Bearer TOKEN'. The "
               "password is shown only this once.\n\n"
            << "  Open " << url << " and sign in as admin with password "
            << password << "\n\n";
  return 0;
}

}  // namespace

int RunUserCommand(const UserCommand& c) {
  storage::Database db({c.db_path});
  if (auto s = storage::Migrate(db); !s.ok()) return Fail(i18n::LogText(s));
  if (c.action == "add") return Add(db, c);
  if (c.action == "list") return List(db);
  if (c.action == "disable" || c.action == "enable") {
    services::UserChange change;
    change.disabled = c.action == "disable";
    return Report(
        Change(db, c, change),
        c.username + (c.action == "disable"
                          ? " disabled; their sessions were signed out"
                          : " enabled"));
  }
  if (c.action == "reset") return Reset(db, c);
  if (c.action == "bootstrap") return Bootstrap(db, c.url);
  return Fail(domain::Message("error.unknown_action", {{"action", c.action}}));
}

}  // namespace capdev::cli
