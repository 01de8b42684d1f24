#pragma once
// Checkpoints the WAL from a background thread with its own connection, so
// that no commit pays for copying the WAL back into the database file (the
// server's writer turns automatic checkpoints off): every tick a PASSIVE
// checkpoint copies what readers allow, and once all is copied the WAL is
// truncated if nothing is using it (a quiet database keeps an empty WAL). On
// request it truncates the WAL, so that values overwritten by an erasure leave
// the database files once the readers that still need the old pages have ended,
// without anyone's help. It never waits on a lock: a busy attempt is simply
// retried on the next tick.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "domain/status.hpp"

namespace capdev::storage {

class Database;

// The WAL's bound: past it, the writer restarts the WAL between batches.
inline constexpr std::uintmax_t kWalLimitBytes = std::uintmax_t{4} << 20;
// How long that restart may wait for readers to move off the WAL.
inline constexpr std::chrono::milliseconds kWalRestartWait{100};

// Run by the writer between its batches, on its own connection (nobody else
// writes then). Under a steady stream of writes the WAL is never found fully
// copied back and unused at the start of a write, so SQLite never starts it
// over and it grows without end. Past kWalLimitBytes this copies the rest
// back, waits up to kWalRestartWait for readers to move to the database file,
// and truncates the WAL. A long read still on it makes it give up until the
// next batch. Ok when the WAL is within the bound or was truncated.
domain::Status BoundWal(Database& db);

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
