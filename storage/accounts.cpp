#include "storage/accounts.hpp"

#include <algorithm>

#include "storage/engine_errors.hpp"
#include "storage/row_mapping.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

namespace {

constexpr const char* kAccountColumns =
    "SELECT id, username, password_hash, role, organization_id, disabled, "
    "created_at, language FROM users";

std::optional<domain::Language> ReadLanguage(Statement& q, int i) {
  if (q.IsNull(i)) return std::nullopt;
  return q.TextView(i) == "zh" ? domain::Language::kZh : domain::Language::kEn;
}

Account ReadAccount(Statement& q) {
  Account a;
  Read(q, 0, a.id);
  Read(q, 1, a.username);
  Read(q, 2, a.password_hash);
  Read(q, 3, a.role);
  Read(q, 4, a.organization_id);
  Read(q, 5, a.disabled);
  Read(q, 6, a.created_at);
  a.language = ReadLanguage(q, 7);
  return a;
}

}  // namespace

domain::StatusOr<std::int64_t> AddAccount(WriteTx& tx, const Account& a) {
  Database& db = tx.db();
  return Guarded(
      [&] {
        ScopedStatement q(db,
                          "INSERT INTO users (username, password_hash, role, "
                          "organization_id) VALUES (?, ?, ?, ?)");
        Bind(*q, 1, a.username);
        Bind(*q, 2, a.password_hash);
        Bind(*q, 3, a.role);
        Bind(*q, 4, a.organization_id);
        q->Exec();
        return db.connection().LastInsertId();
      },
      [](const EngineError& e) { return ConstraintStatus(e, "user"); });
}

domain::StatusOr<std::optional<Account>> AccountByName(
    Database& db, const std::string& username) {
  return Guarded([&]() -> std::optional<Account> {
    ScopedStatement q(db, std::string(kAccountColumns) + " WHERE username = ?");
    q->Bind(1, username);
    if (!q->Step()) return std::nullopt;
    return ReadAccount(*q);
  });
}

domain::StatusOr<std::optional<Account>> AccountById(Database& db,
                                                     std::int64_t id) {
  return Guarded([&]() -> std::optional<Account> {
    ScopedStatement q(db, std::string(kAccountColumns) + " WHERE id = ?");
    q->Bind(1, id);
    if (!q->Step()) return std::nullopt;
    return ReadAccount(*q);
  });
}

domain::Status UpdateAccount(WriteTx& tx, const Account& a) {
  Database& db = tx.db();
  ASSIGN_OR_RETURN(const auto before, AccountById(db, a.id));
  if (!before) return domain::Status::NotFound("error.no_such_user");
  return Guarded([&] {
    ScopedStatement q(db,
                      "UPDATE users SET role = ?, organization_id = ?, "
                      "disabled = ?, password_hash = ? WHERE id = ?");
    BindAll(*q, a.role, a.organization_id,
            static_cast<std::int64_t>(a.disabled), a.password_hash, a.id);
    q->Exec();
    if (a.disabled || a.password_hash != before->password_hash) {
      ScopedStatement revoke(
          db, "UPDATE auth_tokens SET revoked = 1 WHERE user_id = ?");
      revoke->Bind(1, a.id);
      revoke->Exec();
    }
  });
}

domain::StatusOr<std::vector<Account>> ListAccounts(Database& db) {
  return Guarded([&] {
    ScopedStatement q(db, std::string(kAccountColumns) + " ORDER BY id");
    std::vector<Account> out;
    while (q->Step()) out.push_back(ReadAccount(*q));
    return out;
  });
}

domain::Status AddToken(Database& db, const std::string& token_hash,
                        std::int64_t user_id, std::int64_t now,
                        const TokenLifetime& lifetime,
                        const std::string& scope) {
  return Guarded([&] {
    ScopedStatement q(
        db,
        "INSERT INTO auth_tokens (token_hash, user_id, created_at, "
        "last_used_at, expires_at, scope, id) VALUES (?, ?, ?, ?, ?, ?, "
        "(SELECT COALESCE(MAX(id), 0) + 1 FROM auth_tokens))");
    BindAll(*q, token_hash, user_id, now, now, now + lifetime.absolute_seconds,
            scope);
    q->Exec();
  });
}

domain::StatusOr<std::optional<LiveToken>> FindToken(
    Database& db, const std::string& token_hash, std::int64_t now,
    const TokenLifetime& lifetime, const std::string& scope) {
  return Guarded([&]() -> std::optional<LiveToken> {
    ScopedStatement q(
        db,
        "SELECT u.id, u.username, u.role, u.organization_id, t.last_used_at, "
        "u.language "
        "FROM auth_tokens t JOIN users u ON u.id = t.user_id "
        "WHERE t.token_hash = ? AND t.revoked = 0 AND u.disabled = 0 "
        "AND t.expires_at > ? AND t.last_used_at + ? > ? AND t.scope = ?");
    BindAll(*q, token_hash, now, lifetime.idle_seconds, now, scope);
    if (!q->Step()) return std::nullopt;
    LiveToken live;
    auto& p = live.principal;
    std::int64_t last_used = 0;
    Read(*q, 0, p.user_id);
    Read(*q, 1, p.username);
    Read(*q, 2, p.role);
    Read(*q, 3, p.organization_id);
    Read(*q, 4, last_used);
    p.language = ReadLanguage(*q, 5);
    p.scope = scope;
    const std::int64_t touch_every =
        std::clamp<std::int64_t>(lifetime.idle_seconds / 10, 1, 60);
    live.touch_due = now - last_used >= touch_every;
    return live;
  });
}

domain::Status TouchToken(Database& db, const std::string& token_hash,
                          std::int64_t now) {
  return Guarded([&] {
    ScopedStatement touch(
        db,
        "UPDATE auth_tokens SET last_used_at = CASE WHEN ?1 > last_used_at "
        "THEN ?1 ELSE last_used_at END WHERE token_hash = ?2");
    BindAll(*touch, now, token_hash);
    touch->Exec();
  });
}

domain::Status RevokeToken(Database& db, const std::string& token_hash) {
  return Guarded([&] {
    ScopedStatement q(
        db, "UPDATE auth_tokens SET revoked = 1 WHERE token_hash = ?");
    q->Bind(1, token_hash);
    q->Exec();
  });
}

namespace {
// A calendar token that still opens the feeds.
constexpr const char* kLiveFeedToken = R"sql(
  user_id = ? AND scope = 'calendar' AND revoked = 0 AND expires_at > ?
  AND last_used_at + ? > ?)sql";
}  // namespace

domain::StatusOr<std::vector<FeedToken>> ListFeedTokens(Database& db,
                                                        std::int64_t user_id,
                                                        std::int64_t now) {
  return Guarded([&] {
    ScopedStatement q(db,
                      std::string("SELECT id, created_at, last_used_at FROM "
                                  "auth_tokens WHERE ") +
                          kLiveFeedToken + " ORDER BY id");
    BindAll(*q, user_id, now, kCalendarTokenLifetime.idle_seconds, now);
    std::vector<FeedToken> out;
    while (q->Step()) {
      FeedToken t;
      Read(*q, 0, t.id);
      Read(*q, 1, t.created_at);
      Read(*q, 2, t.last_used_at);
      out.push_back(t);
    }
    return out;
  });
}

domain::StatusOr<std::int64_t> AddFeedToken(WriteTx& tx,
                                            const std::string& token_hash,
                                            std::int64_t user_id,
                                            std::int64_t now) {
  ASSIGN_OR_RETURN(const auto live, ListFeedTokens(tx.db(), user_id, now));
  if (live.size() >= kMaxFeedTokens) {
    return domain::Status::FailedPrecondition(domain::Message(
        "error.too_many_feed_tokens", {{"max", kMaxFeedTokens}}));
  }
  RETURN_IF_ERROR(AddToken(tx.db(), token_hash, user_id, now,
                           kCalendarTokenLifetime, "calendar"));
  return Guarded([&] {
    ScopedStatement q(tx.db(), "SELECT MAX(id) FROM auth_tokens");
    q->Step();
    return q->Int64(0);
  });
}

domain::Status RevokeFeedToken(WriteTx& tx, std::int64_t user_id,
                               std::int64_t id, std::int64_t now) {
  return Guarded([&]() -> domain::Status {
    ScopedStatement q(tx.db(),
                      std::string("UPDATE auth_tokens SET revoked = 1 WHERE id "
                                  "= ? AND ") +
                          kLiveFeedToken);
    BindAll(*q, id, user_id, now, kCalendarTokenLifetime.idle_seconds, now);
    if (q->Exec() == 0) {
      return domain::Status::NotFound(domain::Message(
          "error.no_such_feed_token", {{"id", std::to_string(id)}}));
    }
    return domain::Status::Ok();
  });
}

domain::Status SetAccountLanguage(WriteTx& tx, std::int64_t user_id,
                                  std::optional<domain::Language> language) {
  return Guarded([&] {
    ScopedStatement q(tx.db(), "UPDATE users SET language = ? WHERE id = ?");
    if (language) {
      q->Bind(1, *language == domain::Language::kZh ? "zh" : "en");
    } else {
      q->BindNull(1);
    }
    q->Bind(2, user_id);
    q->Exec();
  });
}

}  // namespace capdev::storage
