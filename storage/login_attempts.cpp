#include "storage/login_attempts.hpp"

#include "storage/engine_errors.hpp"
#include "storage/row_mapping.hpp"

namespace capdev::storage {

domain::StatusOr<std::vector<std::int64_t>> RecentLoginFailures(
    Database& db, const LoginKey& key, LoginScope scope, std::int64_t since,
    std::size_t limit) {
  return Guarded([&]() -> std::vector<std::int64_t> {
    const char* sql = nullptr;
    switch (scope) {
      case LoginScope::kPair:
        sql =
            "SELECT at FROM login_failures WHERE username = ?1 AND address = "
            "?2 AND at >= ?3 ORDER BY at DESC LIMIT ?4";
        break;
      case LoginScope::kAddress:
        sql =
            "SELECT at FROM login_failures WHERE address = ?2 AND at >= ?3 "
            "ORDER BY at DESC LIMIT ?4";
        break;
      case LoginScope::kUsername:
        sql =
            "SELECT at FROM login_failures WHERE username = ?1 AND at >= ?3 "
            "ORDER BY at DESC LIMIT ?4";
        break;
    }
    ScopedStatement q(db, sql);
    BindAll(*q, key.username, key.address, since,
            static_cast<std::int64_t>(limit));
    std::vector<std::int64_t> times;
    while (q->Step()) times.push_back(q->Int64(0));
    return times;
  });
}

domain::StatusOr<std::optional<std::int64_t>> LastLoginFrom(
    Database& db, const LoginKey& key) {
  return Guarded([&]() -> std::optional<std::int64_t> {
    ScopedStatement q(db,
                      "SELECT last_success_at FROM login_good_addresses "
                      "WHERE username = ? AND address = ?");
    BindAll(*q, key.username, key.address);
    std::optional<std::int64_t> at;
    if (q->Step()) at = q->Int64(0);
    return at;
  });
}

domain::Status RecordLoginFailure(WriteTx& tx, const LoginKey& key,
                                  std::int64_t at, std::int64_t forget_before) {
  return Guarded([&]() -> domain::Status {
    ScopedStatement prune(tx.db(), "DELETE FROM login_failures WHERE at < ?");
    BindAll(*prune, forget_before);
    prune->Exec();
    ScopedStatement q(
        tx.db(),
        "INSERT INTO login_failures (username, address, at) VALUES (?, ?, ?)");
    BindAll(*q, key.username, key.address, at);
    q->Exec();
    return domain::Status::Ok();
  });
}

domain::Status RecordLoginSuccess(WriteTx& tx, const LoginKey& key,
                                  std::int64_t at,
                                  std::int64_t forget_good_before) {
  return Guarded([&]() -> domain::Status {
    ScopedStatement forget(
        tx.db(),
        "DELETE FROM login_failures WHERE username = ? AND address = ?");
    BindAll(*forget, key.username, key.address);
    forget->Exec();
    ScopedStatement prune(
        tx.db(), "DELETE FROM login_good_addresses WHERE last_success_at < ?");
    BindAll(*prune, forget_good_before);
    prune->Exec();
    ScopedStatement q(
        tx.db(),
        "INSERT INTO login_good_addresses (username, address, "
        "last_success_at) VALUES (?, ?, ?) ON CONFLICT (username, address) "
        "DO UPDATE SET last_success_at = CASE WHEN excluded.last_success_at > "
        "login_good_addresses.last_success_at THEN excluded.last_success_at "
        "ELSE login_good_addresses.last_success_at END");
    BindAll(*q, key.username, key.address, at);
    q->Exec();
    return domain::Status::Ok();
  });
}

}  // namespace capdev::storage
