#include "storage/sqlite/wal_checkpointer.hpp"

#include <filesystem>
#include <system_error>

#include "storage/database.hpp"
#include "storage/engine_errors.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace capdev::storage {

WalCheckpointer::WalCheckpointer(const std::string& path,
                                 std::chrono::milliseconds retry_every)
    // busy_timeout 0: an attempt that meets a lock gives up at once instead
    // of holding the write lock while it waits for readers.
    : db_(std::make_unique<Database>(DatabaseOptions{path, 0})),
      retry_every_(retry_every),
      thread_([this] { Run(); }) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

bool WalCheckpointer::TruncateNowOrLater() {
  std::lock_guard lock(mutex_);
  pending_ = !TryTruncate();
  if (pending_) wake_.notify_all();
  return !pending_;
}

bool WalCheckpointer::Pending() {
  std::lock_guard lock(mutex_);
  return pending_;
}

bool WalCheckpointer::TryTruncate() {
  try {
    ScopedStatement q(*db_, "PRAGMA wal_checkpoint(TRUNCATE)");
    if (!q->Step()) return false;
    // busy = 0: all frames copied and the WAL truncated to zero bytes.
    return q->Int(0) == 0;
  } catch (const EngineError&) {
    return false;  // SQLITE_BUSY or LOCKED: another writer; next tick
  }
}

namespace {

std::uintmax_t WalBytes(const Database& db) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(db.path() + "-wal", ec);
  return ec ? 0 : size;
}

}  // namespace

domain::Status BoundWal(Database& db) {
  if (db.engine() != Engine::kSqlite || WalBytes(db) <= kWalLimitBytes)
    return domain::Status::Ok();
  return Guarded([&] {
    sqlite3* handle = SqliteHandle(db);
    sqlite3_busy_timeout(handle, static_cast<int>(kWalRestartWait.count()));
    struct Restore {
      sqlite3* handle;
      int ms;
      ~Restore() { sqlite3_busy_timeout(handle, ms); }
    } restore{handle, db.busy_timeout_ms()};
    try {
      ScopedStatement q(db, "PRAGMA wal_checkpoint(TRUNCATE)");
      q->Step();
    } catch (const EngineError& e) {
      // A long read still on the WAL: the next batch tries again.
      if (e.failure() != Failure::kBusy) throw;
    }
  });
}

void WalCheckpointer::CopyBack() {
  try {
    bool all_copied = false;
    {
      ScopedStatement q(*db_, "PRAGMA wal_checkpoint(PASSIVE)");
      if (!q->Step()) return;
      // busy, frames in the WAL, frames copied back.
      const int frames = q->Int(1);
      all_copied = frames > 0 && q->Int(2) == frames;
    }
    if (all_copied) TryTruncate();  // gives up at once if anyone is on it
  } catch (const EngineError&) {
    // best effort: busy; the next tick copies what this one could not.
  }
}

void WalCheckpointer::Run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, retry_every_);
    if (stopping_) break;
    if (pending_) {
      pending_ = !TryTruncate();
    } else {
      CopyBack();
    }
  }
}

}  // namespace capdev::storage
