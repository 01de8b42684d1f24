// The reference for the attendance-sheet PUT (bench/run.sh): the same
// replace done with the sqlite3 C API alone, in a loop on one connection.
// Each sheet is one transaction: each of the sheet's marks inserted or its
// status updated in place (as the server writes only what changed), then
// commit. Like the server's bench, sheet n moves every mark of ROWS_FILE n
// steps along present -> late -> excused -> absent -> present. The connection
// has capdev's settings (storage/database.cpp: WAL, synchronous=FULL, foreign
// keys, recursive triggers, secure_delete), so the database's own triggers and
// checks do the same work as under the server; what is left out is HTTP, JSON,
// the registration check, the audit entry and the threads.
//
//   capdev_raw_sheet_bench DB WORKSHOP_ID SESSION_ID ROWS_FILE [--seconds S]
//
// ROWS_FILE: one "person_id status" per line (status: present, late,
// excused, absent). Prints "sheets_per_s=... p50_ms=... p99_ms=..." etc.

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "sheet_cycle.hpp"

namespace {

void Check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

void Exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "%s: %s\n", sql, error ? error : "?");
    std::exit(1);
  }
}

sqlite3_stmt* Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  Check(db,
        sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr),
        sql);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(
        stderr, "usage: %s DB WORKSHOP_ID SESSION_ID ROWS_FILE [--seconds S]\n",
        argv[0]);
    return 2;
  }
  const std::int64_t workshop_id = std::atoll(argv[2]);
  const std::int64_t session_id = std::atoll(argv[3]);
  double seconds = 5;
  if (argc >= 7 && !std::strcmp(argv[5], "--seconds"))
    seconds = std::atof(argv[6]);

  std::vector<std::pair<std::int64_t, std::string>> rows;
  {
    std::ifstream in(argv[4]);
    std::int64_t person = 0;
    std::string status;
    while (in >> person >> status) rows.emplace_back(person, status);
  }
  if (rows.empty()) {
    std::fprintf(stderr, "%s: no rows\n", argv[4]);
    return 2;
  }

  sqlite3* db = nullptr;
  // As capdev does before any connection (storage/database.cpp).
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, nullptr) !=
      SQLITE_OK) {
    std::fprintf(stderr, "%s: %s\n", argv[1], sqlite3_errmsg(db));
    return 1;
  }
  sqlite3_busy_timeout(db, 5000);
  Exec(db, "PRAGMA journal_mode = WAL");
  Exec(db, "PRAGMA foreign_keys = ON");
  Exec(db, "PRAGMA recursive_triggers = ON");
  Exec(db, "PRAGMA synchronous = FULL");
  Exec(db, "PRAGMA temp_store = MEMORY");
  Exec(db, "PRAGMA secure_delete = ON");

  sqlite3_stmt* begin = Prepare(db, "BEGIN IMMEDIATE");
  sqlite3_stmt* commit = Prepare(db, "COMMIT");
  // Every mark in place, as the server saves what changed: a mark is
  // inserted, or its status updated (the triggers then move one
  // participation row's days, as under the server).
  sqlite3_stmt* upsert = Prepare(
      db,
      "INSERT INTO attendance (session_id, workshop_id, person_id, status)"
      " VALUES (?, ?, ?, ?) ON CONFLICT (session_id, person_id)"
      " DO UPDATE SET status = excluded.status");
  auto step = [&](sqlite3_stmt* s, const char* what) {
    Check(db, sqlite3_step(s), what);
    sqlite3_reset(s);
  };

  std::vector<double> latencies;
  const auto started = std::chrono::steady_clock::now();
  const auto until =
      started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                    std::chrono::duration<double>(seconds));
  auto now = started;
  while (now < until) {
    const auto t0 = now;
    step(begin, "BEGIN");
    for (const auto& [person, status] : rows) {
      const std::string& text = bench::Moved(status, latencies.size());
      sqlite3_bind_int64(upsert, 1, session_id);
      sqlite3_bind_int64(upsert, 2, workshop_id);
      sqlite3_bind_int64(upsert, 3, person);
      sqlite3_bind_text(upsert, 4, text.c_str(), static_cast<int>(text.size()),
                        SQLITE_STATIC);
      step(upsert, "INSERT");
    }
    step(commit, "COMMIT");
    now = std::chrono::steady_clock::now();
    latencies.push_back(
        std::chrono::duration<double, std::milli>(now - t0).count());
  }
  const double elapsed = std::chrono::duration<double>(now - started).count();

  for (auto* s : {begin, commit, upsert}) sqlite3_finalize(s);
  sqlite3_close(db);
  std::printf(
      "sheets=%zu rows_per_sheet=%zu seconds=%.2f sheets_per_s=%.1f "
      "p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
      latencies.size(), rows.size(), elapsed,
      static_cast<double>(latencies.size()) / elapsed,
      bench::Percentile(latencies, 50), bench::Percentile(latencies, 99),
      bench::Percentile(latencies, 100));
  return 0;
}
