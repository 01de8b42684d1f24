#pragma once
// Marks a database as held by a server: `serve` holds a shared lock on the
// file for its lifetime, `restore` needs it exclusively. flock(2) locks are
// separate from SQLite's own fcntl locks, so they do not disturb them.

#include <string>

#include "domain/status.hpp"

namespace capdev::storage {

class DatabaseLock {
 public:
  enum class Mode { kShared, kExclusive };
  // FailedPrecondition (naming the file) when another process holds it in a
  // conflicting mode, or the file cannot be opened.
  static domain::StatusOr<DatabaseLock> Acquire(const std::string& path,
                                                Mode mode);
  DatabaseLock(DatabaseLock&& other) noexcept;
  DatabaseLock& operator=(DatabaseLock&&) = delete;
  DatabaseLock(const DatabaseLock&) = delete;
  ~DatabaseLock();

 private:
  explicit DatabaseLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace capdev::storage
