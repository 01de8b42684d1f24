#include "app/http/writer.hpp"

#include <spdlog/spdlog.h>

#include <memory>
#include <optional>
#include <utility>

#include "app/http/problem.hpp"
#include "app/i18n/catalog.hpp"
#include "storage/sqlite/wal_checkpointer.hpp"
#include "storage/transaction.hpp"

namespace capdev::http {

namespace {

constexpr domain::Message kLost = "error.change_lost";

constexpr domain::Message kOverBudget = "error.over_budget";

// A successful answer whose change did not reach the disk must not stand.
// The refusal is in the language the answer was to be in.
void Withdraw(Response& answer, const Response& instead) {
  if (answer.status >= 400) return;
  const auto language = answer.language;
  answer = instead;
  answer.language = language;
}

}  // namespace

Writer::Writer(const storage::DatabaseOptions& options,
               std::chrono::milliseconds budget, std::size_t max_batch)
    : budget_(budget),
      max_batch_(max_batch),
      thread_([this, options] { Run(options); }) {}

Writer::~Writer() { Stop(); }

void Writer::Post(Work work, Reply reply) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back({std::move(work), std::move(reply)});
  }
  ready_.notify_one();
}

void Writer::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Writer::Run(const storage::DatabaseOptions& options) {
  std::unique_ptr<storage::Database> db;
  std::vector<Item> batch;
  for (;;) {
    batch.clear();
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    // A PostgreSQL server restarted since: a new connection.
    if (db && db->connection().Broken()) db.reset();
    if (!db) {
      // The checkpointer thread copies the WAL back in the background: a
      // commit that crossed the automatic threshold would pay for it.
      auto writer = options;
      writer.automatic_checkpoints = false;
      if (auto opened = storage::Database::Open(writer); !opened.ok()) {
        spdlog::error("the writer cannot open the database: {}",
                      i18n::LogText(opened.status()));
      } else {
        db = std::move(*opened);
      }
    }
    std::vector<Response> answers;
    if (db) {
      answers = Commit(*db, batch);
    } else {
      answers.assign(batch.size(), Problem(503, "error.database_unavailable"));
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
      try {
        if (auto finish = std::exchange(answers[i].after_commit, nullptr))
          finish(answers[i]);
        batch[i].reply(std::move(answers[i]));
      } catch (const std::exception& e) {
        spdlog::error("the writer could not deliver an answer: {}", e.what());
      }
    }
    // Between batches, once answered: keep the WAL within its bound.
    if (db) {
      if (auto s = storage::BoundWal(*db); !s.ok())
        spdlog::warn("the WAL could not be truncated: {}", i18n::LogText(s));
    }
  }
}

// One transaction for the batch; each request in a savepoint, rolled back
// alone when it fails with a 5xx (a 4xx has rolled its own WriteTx back).
// When SQLite ends the transaction itself, the rest of the batch goes on in
// a new one.
// The deadline interrupts SQL still running then (a read: a write statement
// interrupted would end the whole batch's transaction) and long work checks
// it between its steps (Database::PastDeadline); whatever the request
// answered, past its deadline it is refused, and rolled back by the caller.
Response Writer::RunOne(storage::Database& db, Item& item) const {
  if (budget_.count() <= 0) return item.work(db);
  const auto deadline = std::chrono::steady_clock::now() + budget_;
  db.SetDeadline(deadline);
  Response answer;
  try {
    answer = item.work(db);
  } catch (...) {
    db.SetDeadline(std::nullopt);
    throw;
  }
  db.SetDeadline(std::nullopt);
  if (std::chrono::steady_clock::now() >= deadline) {
    spdlog::warn("a change ran over the writer's budget of {} ms: refused",
                 budget_.count());
    const auto language = answer.language;
    answer = Problem(503, kOverBudget);
    answer.language = language;
  }
  return answer;
}

std::vector<Response> Writer::Commit(storage::Database& db,
                                     std::vector<Item>& batch) const {
  for (int attempt = 0;; ++attempt) {
    if (auto answers = CommitOnce(db, batch)) return *std::move(answers);
    // Lost to another instance's transaction: nothing of the batch stayed,
    // and every request of it runs again.
    spdlog::info("a batch of {} changes lost to a concurrent transaction",
                 batch.size());
    if (!storage::PauseBeforeRetry(attempt)) {
      spdlog::warn("a batch of {} changes lost to concurrent ones {} times",
                   batch.size(), attempt + 1);
      return std::vector<Response>(batch.size(),
                                   Problem(503, "error.database_busy"));
    }
  }
}

std::optional<std::vector<Response>> Writer::CommitOnce(
    storage::Database& db, std::vector<Item>& batch) const {
  std::vector<Response> answers(batch.size());
  std::size_t first = 0;  // the first request of the open transaction
  std::size_t run = 0;    // requests run so far
  // The transaction failed (and its BatchTx rolls it back, unless SQLite
  // already did): every request of it lost its change.
  const auto fail = [&](const std::string& why,
                        const std::optional<domain::Status>& status) {
    spdlog::error("a batch of {} changes failed: {}", batch.size(), why);
    const Response lost = status && status->code() == domain::Code::kUnavailable
                              ? Problem(*status)
                              : Problem(503, kLost);
    for (std::size_t j = first; j < batch.size(); ++j) {
      if (j < run) {
        Withdraw(answers[j], lost);
      } else {
        answers[j] = lost;  // never run
      }
    }
    return answers;
  };
  try {
    for (;;) {
      auto begun = storage::BatchTx::Begin(db);
      if (!begun.ok())
        return fail(i18n::LogText(begun.status()), begun.status());
      storage::BatchTx& tx = *begun;
      bool ended_by_engine = false;
      for (; run < batch.size() && !ended_by_engine; ++run) {
        if (auto s = tx.BeginRequest(); !s.ok())
          return fail(i18n::LogText(s), s);
        answers[run] = RunOne(db, batch[run]);
        // Lost to a concurrent transaction: the BatchTx rolls the batch
        // back, and the caller runs it again.
        if (db.connection().ConsumeConflict()) return std::nullopt;
        if (tx.RolledBackByEngine()) {
          // A full disk, an I/O error: the requests before this one lost
          // their changes too.
          const Response lost = Problem(503, kLost);
          for (std::size_t j = first; j <= run; ++j) Withdraw(answers[j], lost);
          first = run + 1;
          ended_by_engine = true;
          continue;
        }
        if (auto s = answers[run].status >= 500 ? tx.RollBackRequest()
                                                : tx.ReleaseRequest();
            !s.ok())
          return fail(i18n::LogText(s), s);
      }
      if (ended_by_engine) continue;  // the rest in a new transaction
      if (auto s = tx.Commit(); !s.ok()) {
        if (db.connection().ConsumeConflict()) return std::nullopt;
        return fail(i18n::LogText(s), s);
      }
      return answers;
    }
  } catch (const std::exception& e) {
    // A bug: the database's own failures arrive as a Status.
    return fail(e.what(), std::nullopt);
  }
}

}  // namespace capdev::http
