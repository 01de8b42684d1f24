#include "storage/server_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace capdev::storage {

domain::StatusOr<DatabaseLock> DatabaseLock::Acquire(const std::string& path,
                                                     Mode mode) {
  // A restore renames a new file over the path: retry until the lock is on
  // the file the path names now.
  for (int attempt = 0; attempt < 10; ++attempt) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      return domain::Status::FailedPrecondition(
          domain::Message("error.cannot_open_file",
                          {{"path", path}, {"reason", std::strerror(errno)}}));
    }
    const int op = (mode == Mode::kShared ? LOCK_SH : LOCK_EX) | LOCK_NB;
    if (::flock(fd, op) != 0) {
      ::close(fd);
      return domain::Status::FailedPrecondition(
          domain::Message("error.server_using_database", {{"path", path}}));
    }
    struct stat held {
    }, named{};
    if (::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
        held.st_ino == named.st_ino && held.st_dev == named.st_dev) {
      return DatabaseLock(fd);
    }
    ::close(fd);
  }
  return domain::Status::FailedPrecondition(
      domain::Message("error.database_keeps_changing", {{"path", path}}));
}

DatabaseLock::DatabaseLock(DatabaseLock&& other) noexcept : fd_(other.fd_) {
  other.fd_ = -1;
}

DatabaseLock::~DatabaseLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace capdev::storage
