#include "storage/postgres/pg_connection.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace capdev::storage {

namespace {

struct Translated {
  std::string sql;
  std::map<std::string, int, std::less<>> names;  // ":org" -> 1
  int count = 0;                                  // the highest number
};

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// Numbers parameters as SQLite does: `?` takes the next number, `?NNN` that
// number, and `:name` the next at its first use and the same one after; and
// reads SQLite's `CROSS JOIN ... ON` (a hint to keep the join order) as the
// inner join it is.
Translated Translate(const std::string& sql) {
  Translated t;
  std::string& out = t.sql;
  out.reserve(sql.size() + 16);
  int next = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // a literal or a quoted identifier
      const std::size_t end = sql.find(c, i + 1);
      const std::size_t stop = end == std::string::npos ? sql.size() : end + 1;
      out.append(sql, i, stop - i);
      i = stop - 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const std::size_t end = sql.find('\n', i);
      const std::size_t stop = end == std::string::npos ? sql.size() : end;
      out.append(sql, i, stop - i);
      i = stop - 1;
    } else if (sql.compare(i, 10, "CROSS JOIN") == 0 &&
               (i == 0 || !IsNameChar(sql[i - 1]))) {
      // SQLite's join-order hint (`CROSS JOIN ... ON`): an inner join.
      out += "JOIN";
      i += 9;
    } else if (c == '?') {
      std::size_t digits = i + 1;
      while (digits < sql.size() &&
             std::isdigit(static_cast<unsigned char>(sql[digits])) != 0)
        ++digits;
      if (digits > i + 1) {  // ?NNN: that parameter
        const int n = std::stoi(sql.substr(i + 1, digits - i - 1));
        next = std::max(next, n);
        out += '$' + std::to_string(n);
        i = digits - 1;
      } else {
        out += '$' + std::to_string(++next);
      }
    } else if (c == ':' && i + 1 < sql.size() && IsNameChar(sql[i + 1]) &&
               (i == 0 || sql[i - 1] != ':')) {
      std::size_t end = i + 1;
      while (end < sql.size() && IsNameChar(sql[end])) ++end;
      const std::string name = sql.substr(i, end - i);
      auto [it, added] = t.names.try_emplace(name, next + 1);
      if (added) ++next;
      out += '$' + std::to_string(it->second);
      i = end - 1;
    } else {
      out += c;
    }
  }
  t.count = next;
  return t;
}

}  // namespace

std::string PostgresParameters(const std::string& sql) {
  return Translate(sql).sql;
}

namespace {

// Type OIDs of the parameters capdev binds (pg_type.h), so that a parameter
// the SQL does not use (a query of ?2 and ?3 bound with ?1 too) still has
// one. NULL is left for the server to infer from its use, as a literal
// NULL would be.
constexpr Oid kInt8 = 20;
constexpr Oid kFloat8 = 701;
constexpr Oid kText = 25;
constexpr Oid kUnknown = 0;

Failure FailureOf(std::string_view state, bool connection_bad) {
  if (connection_bad || state.starts_with("08") || state == "57P01" ||
      state == "57P02" || state == "57P03")
    return Failure::kConnection;
  if (state == "23505") return Failure::kUnique;
  if (state == "23503") return Failure::kForeignKey;
  if (state == "23514" || state == "23502") return Failure::kCheck;
  if (state.starts_with("23") || state == "P0001")
    return Failure::kOtherConstraint;
  if (state == "40001" || state == "40P01") return Failure::kSerialization;
  if (state == "55P03") return Failure::kBusy;
  if (state == "57014") return Failure::kInterrupted;
  if (state == "53100") return Failure::kDiskFull;
  if (state.starts_with("58")) return Failure::kIoError;
  return Failure::kOther;
}

// A key's column as pg_get_indexdef names it: "workshop_id", or
// "lower(username)" for an index on an expression of one column.
std::string BareColumn(std::string_view column) {
  if (const auto paren = column.find('('); paren != std::string_view::npos)
    column = column.substr(paren + 1, column.find(')') - paren - 1);
  while (column.starts_with(' ')) column.remove_prefix(1);
  return std::string(column);
}

// A connection and what its statements' failures tell the transaction.
struct Session {
  PGconn* conn = nullptr;
  bool conflict = false;  // Connection::ConsumeConflict
  // The columns of each unique key (constraint or index) by its name: a
  // unique violation names its key, and the server's DETAIL text is in the
  // server's language. Read again after a script (a migration) changes the
  // schema.
  std::map<std::string, std::vector<std::string>, std::less<>> unique_keys;
  bool keys_read = false;
  int statements = 0;  // server-side prepared statements named so far
};

// Reads Session::unique_keys, unless the transaction has failed already (a
// failed statement's error is then reported without its columns).
void ReadUniqueKeys(Session& session) {
  if (session.keys_read || PQtransactionStatus(session.conn) == PQTRANS_INERROR)
    return;
  const std::unique_ptr<PGresult, void (*)(PGresult*)> r(
      PQexec(session.conn,
             "SELECT c.relname, pg_get_indexdef(i.indexrelid, k, true) "
             "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
             "JOIN pg_namespace n ON n.oid = c.relnamespace "
             "CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) AS k "
             "WHERE i.indisunique AND n.nspname = current_schema() "
             "ORDER BY c.relname, k"),
      PQclear);
  if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) return;
  session.unique_keys.clear();
  for (int row = 0; row < PQntuples(r.get()); ++row) {
    session.unique_keys[PQgetvalue(r.get(), row, 0)].push_back(
        BareColumn(PQgetvalue(r.get(), row, 1)));
  }
  session.keys_read = true;
}

// The columns of the unique key a violation names.
std::vector<std::string> KeyColumns(const Session& session,
                                    const PGresult* result) {
  const char* name = PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME);
  if (name == nullptr) return {};
  const auto it = session.unique_keys.find(std::string_view(name));
  return it == session.unique_keys.end() ? std::vector<std::string>{}
                                         : it->second;
}

[[noreturn]] void ThrowResultError(Session& session, const PGresult* result) {
  PGconn* conn = session.conn;
  const char* state =
      result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const Failure failure =
      FailureOf(state ? state : "", PQstatus(conn) == CONNECTION_BAD);
  if (failure == Failure::kSerialization) session.conflict = true;
  std::string message = result ? PQresultErrorMessage(result) : "";
  if (message.empty()) message = PQerrorMessage(conn);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  throw EngineError(failure, message,
                    failure == Failure::kUnique ? KeyColumns(session, result)
                                                : std::vector<std::string>{});
}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// Runs `sql` (no parameters): throws on any failure.
Result Run(Session& session, const char* sql) {
  Result r(PQexec(session.conn, sql));
  const auto status = PQresultStatus(r.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    ThrowResultError(session, r.get());
  return r;
}

class PgStatement final : public Statement {
 public:
  // `kept`: prepared on the server once (and again should the parameters'
  // types change), then only executed; else parsed at each run.
  PgStatement(Session& session, const std::string& sql, bool kept = false)
      : session_(session), translated_(Translate(sql)), kept_(kept) {}

  using Statement::Bind;
  using Statement::BindNull;
  void Bind(int index, std::int64_t value) override {
    Set(index, std::to_string(value), kInt8);
  }
  void Bind(int index, double value) override {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    Set(index, text, kFloat8);
  }
  void Bind(int index, std::string_view value) override {
    Set(index, std::string(value), kText);
  }
  void BindNull(int index, SqlType type) override {
    Set(index, std::nullopt,
        type == SqlType::kInteger ? kInt8
        : type == SqlType::kReal  ? kFloat8
        : type == SqlType::kText  ? kText
                                  : kUnknown);
  }

  int ParameterCount() override { return translated_.count; }
  int ParameterIndex(std::string_view name) override {
    const auto it = translated_.names.find(name);
    if (it == translated_.names.end())
      throw EngineError(Failure::kOther, "no parameter " + std::string(name));
    return it->second;
  }

  bool Step() override {
    if (!result_) Execute();
    return ++row_ < PQntuples(result_.get());
  }
  std::int64_t Exec() override {
    if (!result_) Execute();
    const char* tuples = PQcmdTuples(result_.get());
    return tuples[0] == '\0' ? 0 : std::strtoll(tuples, nullptr, 10);
  }

  bool IsNull(int column) override {
    return PQgetisnull(result_.get(), row_, column) != 0;
  }
  std::int64_t Int64(int column) override {
    const std::string_view text = TextView(column);
    std::int64_t value = 0;
    if (text == "t") return 1;  // a boolean expression's value
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }
  double Double(int column) override {
    return std::strtod(PQgetvalue(result_.get(), row_, column), nullptr);
  }
  std::string_view TextView(int column) override {
    return {PQgetvalue(result_.get(), row_, column),
            static_cast<std::size_t>(PQgetlength(result_.get(), row_, column))};
  }
  int ColumnCount() override { return result_ ? PQnfields(result_.get()) : 0; }

  void Reset() override {
    result_.reset();
    row_ = -1;
    values_.clear();
    types_.clear();
  }

 private:
  void Set(int index, std::optional<std::string> value, Oid type) {
    const auto i = static_cast<std::size_t>(index - 1);
    if (values_.size() <= i) {
      values_.resize(i + 1);
      types_.resize(i + 1, kUnknown);
    }
    values_[i] = std::move(value);
    types_[i] = type;
  }

  void Execute() {
    ReadUniqueKeys(session_);
    std::vector<const char*> values(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i) {
      const auto& value = values_[i];
      values[i] = value.has_value() ? value->c_str() : nullptr;
    }
    const int count = static_cast<int>(values.size());
    if (kept_ && (name_.empty() || prepared_types_ != types_)) {
      const std::string name =
          "capdev_" + std::to_string(++session_.statements);
      const Result prepared(PQprepare(session_.conn, name.c_str(),
                                      translated_.sql.c_str(), count,
                                      types_.data()));
      if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK)
        ThrowResultError(session_, prepared.get());
      name_ = name;
      prepared_types_ = types_;
    }
    result_.reset(kept_ ? PQexecPrepared(session_.conn, name_.c_str(), count,
                                         values.data(), nullptr, nullptr, 0)
                        : PQexecParams(session_.conn, translated_.sql.c_str(),
                                       count, types_.data(), values.data(),
                                       nullptr, nullptr, 0));
    const auto status = PQresultStatus(result_.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      const Result failed = std::move(result_);
      ThrowResultError(session_, failed.get());
    }
    row_ = -1;
  }

  Session& session_;
  Translated translated_;
  const bool kept_;
  std::string name_;                 // on the server, once prepared
  std::vector<Oid> prepared_types_;  // the types it was prepared with
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;
  Result result_;
  int row_ = -1;
};

class PgConnection final : public Connection {
 public:
  explicit PgConnection(const DatabaseOptions& options)
      : session_{PQconnectdb(options.path.c_str())} {
    PGconn* conn = session_.conn;
    if (PQstatus(conn) != CONNECTION_OK) {
      // libpq's message names the host and the reason, never the password.
      std::string message = PQerrorMessage(conn);
      while (!message.empty() && message.back() == '\n') message.pop_back();
      PQfinish(conn);
      session_.conn = nullptr;
      throw EngineError(Failure::kConnection, message);
    }
    // Notices (a NOTICE from CREATE ... IF NOT EXISTS) are not errors.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    Run(session_,
        "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; "
        "SET client_min_messages = warning");
  }
  ~PgConnection() override {
    if (session_.conn != nullptr) PQfinish(session_.conn);
  }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Engine engine() const override { return Engine::kPostgres; }
  std::unique_ptr<Statement> Prepare(const std::string& sql) override {
    return std::make_unique<PgStatement>(session_, sql);
  }
  std::unique_ptr<Statement> PrepareKept(const std::string& sql) override {
    return std::make_unique<PgStatement>(session_, sql, true);
  }
  void ExecScript(const std::string& sql) override {
    ReadUniqueKeys(session_);
    Run(session_, sql.c_str());
    // A script that changed the schema (a migration, a test's tables): its
    // keys are read again before the next statement.
    for (const char* ddl : {"CREATE ", "ALTER ", "DROP "})
      if (sql.find(ddl) != std::string::npos) session_.keys_read = false;
  }
  bool HasTable(const std::string& name) override {
    PgStatement q(session_, "SELECT to_regclass(?) IS NOT NULL");
    q.Bind(1, name);
    return q.Step() && q.Int64(0) != 0;
  }
  bool InTransaction() const override {
    return PQtransactionStatus(session_.conn) != PQTRANS_IDLE;
  }
  std::int64_t LastInsertId() override {
    PgStatement q(session_, "SELECT lastval()");
    q.Step();
    return q.Int64(0);
  }
  // The server stops a statement at statement_timeout: set to what is left
  // of the budget when one is set (re-armed per deadline, not per
  // statement: close enough for a time budget of seconds).
  void SetDeadline(
      std::optional<std::chrono::steady_clock::time_point> deadline) override {
    long long ms = 0;
    if (deadline) {
      ms = std::chrono::duration_cast<std::chrono::milliseconds>(
               *deadline - std::chrono::steady_clock::now())
               .count();
      if (ms < 1) ms = 1;
    }
    // Best effort, like SQLite's progress handler: in a failed transaction
    // the SET is refused, and that transaction ends without it anyway.
    PQclear(PQexec(session_.conn,
                   ("SET statement_timeout = " + std::to_string(ms)).c_str()));
  }

  bool ConsumeConflict() override {
    return std::exchange(session_.conflict, false);
  }
  bool Broken() override {
    // Outside a query the server sends nothing but its farewell (a FATAL
    // message on shutdown) and then closes: the first read takes the
    // message, the second meets the end and marks the connection bad.
    // Neither waits when nothing came.
    PGconn* conn = session_.conn;
    for (int read = 0; read < 2; ++read)
      if (PQconsumeInput(conn) == 0) return true;
    return PQstatus(conn) == CONNECTION_BAD;
  }

 private:
  Session session_;
};

}  // namespace

std::unique_ptr<Connection> ConnectPostgres(const DatabaseOptions& options) {
  return std::make_unique<PgConnection>(options);
}

}  // namespace capdev::storage
