#pragma once
// Checkpoints the WAL from a background thread with its own connection, so
// that no commit pays for copying the WAL back into the database file (the
// server's writer turns automatic checkpoints off): every tick a PASSIVE
// checkpoint copies what readers allow. On request it truncates the WAL, so
// that values overwritten by an erasure leave the database files once the
// readers that still need the old pages have ended, without anyone's help. It
// never waits on a lock: a busy attempt is simply retried on the next tick.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace capdev::storage {

class Database;

class WalCheckpointer {
 public:
  WalCheckpointer(const std::string& path,
                  std::chrono::milliseconds retry_every);
  ~WalCheckpointer();  // stops the thread
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Tries once, at once: true when every committed change is in the database
  // file and the WAL is empty. Otherwise a reader (or writer) was in the way
  // and the thread retries until it succeeds.
  bool TruncateNowOrLater();
  // True while a requested truncation has not yet succeeded.
  bool Pending();

 private:
  bool TryTruncate();  // holds mutex_
  void CopyBack();     // holds mutex_
  void Run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::unique_ptr<Database> db_;
  std::chrono::milliseconds retry_every_;
  bool pending_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace capdev::storage
