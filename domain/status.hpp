#pragma once
// Expected failures are values, not exceptions (LevelDB's Status,
// google.rpc.Code), and the only error channel between layers: storage
// answers a Status for whatever the database does (its engine's exceptions
// become one in storage/engine_errors.hpp), services and handlers pass it on
// with RETURN_IF_ERROR / ASSIGN_OR_RETURN, and app/http/problem.cpp maps each
// code to an HTTP status in exactly one place. kInternal is a bug that
// arrived as a value (500; its detail is logged, never sent); an exception
// that still reaches the router is a bug too, answered the same way. Both
// types are [[nodiscard]]: ignoring one drops an error.

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "domain/conflict.hpp"
#include "domain/message.hpp"

namespace capdev::domain {

enum class Code {
  kOk,
  kMalformed,           // 400: the request itself cannot be read
  kInvalidArgument,     // 422: a well-formed value breaks a rule
  kNotFound,            // 404
  kAlreadyExists,       // 409: a duplicate
  kFailedPrecondition,  // 409: the state forbids it (still referenced, ...)
  kUnauthenticated,     // 401: no valid credentials
  kPermissionDenied,    // 403: valid credentials, not allowed
  kResourceExhausted,   // 429: too many attempts
  kTooLarge,     // 413: the content exceeds a limit (rows, unzipped size)
  kExpired,      // 410: it was valid and no longer is (a check-in code)
  kUnavailable,  // 503: try again later (disk full, ...)
  kInternal,     // 500: a bug; the detail is logged, never sent
};

// The stable codes of broken rules (API.md "Language"), documented in
// openapi.json; each has a message of its own, "error.<code>".
struct ErrorCode {
  const char* text;
};
inline constexpr ErrorCode kRequired{"required"};
inline constexpr ErrorCode kInvalid{"invalid"};
inline constexpr ErrorCode kTooLong{"too_long"};
inline constexpr ErrorCode kOutOfRange{"out_of_range"};
inline constexpr ErrorCode kUnknownValue{"unknown_value"};
inline constexpr ErrorCode kNotBefore{"not_before"};
inline constexpr ErrorCode kTaken{"taken"};
inline constexpr ErrorCode kNotFound{"not_found"};
inline constexpr ErrorCode kNotAllowed{"not_allowed"};
inline constexpr ErrorCode kInUse{"in_use"};
inline constexpr ErrorCode kRepeated{"repeated"};
inline constexpr ErrorCode kTooMany{"too_many"};

// One broken rule: the field, a stable code (API.md "Language": required,
// invalid, too_long, ...) and the message for a person.
struct FieldError {
  FieldError(std::string at, ErrorCode error_code, Message text)
      : field(std::move(at)), code(error_code.text), message(std::move(text)) {}
  std::string field;
  std::string code;
  Message message;
  bool operator==(const FieldError&) const = default;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return {}; }
  static Status Malformed(Message detail, std::vector<FieldError> errors = {}) {
    return {Code::kMalformed, std::move(detail), std::move(errors)};
  }
  static Status Invalid(std::vector<FieldError> errors,
                        Message detail = "error.breaks_rules") {
    return {Code::kInvalidArgument, std::move(detail), std::move(errors)};
  }
  static Status NotFound(Message detail) {
    return {Code::kNotFound, std::move(detail), {}};
  }
  static Status AlreadyExists(Message detail,
                              std::vector<FieldError> errors = {}) {
    return {Code::kAlreadyExists, std::move(detail), std::move(errors)};
  }
  static Status FailedPrecondition(Message detail,
                                   std::vector<FieldError> errors = {}) {
    return {Code::kFailedPrecondition, std::move(detail), std::move(errors)};
  }

  static Status Unauthenticated(Message detail) {
    return {Code::kUnauthenticated, std::move(detail), {}};
  }
  static Status PermissionDenied(Message detail) {
    return {Code::kPermissionDenied, std::move(detail), {}};
  }
  static Status ResourceExhausted(Message detail) {
    return {Code::kResourceExhausted, std::move(detail), {}};
  }
  static Status TooLarge(Message detail) {
    return {Code::kTooLarge, std::move(detail), {}};
  }
  static Status Expired(Message detail) {
    return {Code::kExpired, std::move(detail), {}};
  }
  static Status Unavailable(Message detail) {
    return {Code::kUnavailable, std::move(detail), {}};
  }
  // What went wrong, for the operator's log: the client is told nothing of it.
  static Status Internal(std::string detail) {
    Status s{Code::kInternal, Message{}, {}};
    s.log_detail_ = std::move(detail);
    return s;
  }

  // The scheduling conflicts behind a refusal (strict mode), for the answer.
  Status&& WithConflicts(std::vector<Conflict> conflicts) && {
    conflicts_ = std::move(conflicts);
    return std::move(*this);
  }
  const std::vector<Conflict>& conflicts() const { return conflicts_; }

  bool ok() const { return code_ == Code::kOk; }
  // The server, not the request, failed (a 5xx): such a failure ends the
  // request, never becomes one row's or one item's error.
  bool ServerFault() const {
    return code_ == Code::kUnavailable || code_ == Code::kInternal;
  }
  Code code() const { return code_; }
  const Message& detail() const { return detail_; }
  // A bug's description (kInternal), for the operator's log.
  const std::string& log_detail() const { return log_detail_; }
  const std::vector<FieldError>& errors() const { return errors_; }

 private:
  Status(Code code, Message detail, std::vector<FieldError> errors)
      : code_(code), detail_(std::move(detail)), errors_(std::move(errors)) {}

  Code code_ = Code::kOk;
  Message detail_;
  std::string log_detail_;
  std::vector<FieldError> errors_;
  std::vector<Conflict> conflicts_;
};

// A value or the Status that explains why there is none.
template <class T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}
  StatusOr(Status status) : value_(std::move(status)) {}

  bool ok() const { return std::holds_alternative<T>(value_); }
  const Status& status() const { return std::get<Status>(value_); }
  T& value() { return std::get<T>(value_); }
  const T& value() const { return std::get<T>(value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }

 private:
  std::variant<T, Status> value_;
};

// By value: a reference to `s` would dangle when `s` is a temporary.
inline Status StatusOf(const Status& s) { return s; }
template <class T>
Status StatusOf(const StatusOr<T>& s) {
  return s.ok() ? Status::Ok() : s.status();
}

}  // namespace capdev::domain

// Early returns for the error channel (as in Abseil): the enclosing function
// returns the failed Status (or a StatusOr built from it).
#define CAPDEV_CONCAT_INNER(a, b) a##b
#define CAPDEV_CONCAT(a, b) CAPDEV_CONCAT_INNER(a, b)
#define RETURN_IF_ERROR(expr)                      \
  do {                                             \
    if (auto&& capdev_s = (expr); !capdev_s.ok())  \
      return ::capdev::domain::StatusOf(capdev_s); \
  } while (false)
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL(CAPDEV_CONCAT(capdev_or_, __LINE__), lhs, expr)
// `lhs` may be a declaration ("const auto x") and `tmp` is a declared name:
// neither can be put in parentheses.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = std::move(tmp.value())
// NOLINTEND(bugprone-macro-parentheses)
