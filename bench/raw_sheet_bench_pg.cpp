// The reference for the attendance-sheet PUT on PostgreSQL (bench/postgres.sh):
// raw_sheet_bench.cpp's replace done with libpq alone, in a loop on one
// connection. Each sheet is one transaction at capdev's isolation
// (SERIALIZABLE): each mark inserted or its status updated in place, one
// statement each (as the server writes only what changed), then commit. Sheet
// n moves every mark of ROWS_FILE n steps along present -> late -> excused ->
// absent -> present, so the database's triggers do the same work as under the
// server; what is left out is HTTP, JSON, the registration check, the audit
// entry and the threads.
//
//   capdev_raw_sheet_bench_pg URI WORKSHOP_ID SESSION_ID ROWS_FILE [--seconds
//   S]
//
// Prints "sheets_per_s=... p50_ms=... p99_ms=..." as raw_sheet_bench does.

#include <libpq-fe.h>

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

void Run(PGconn* conn, const char* sql, int count = 0,
         const char* const* values = nullptr) {
  PGresult* r = count == 0 ? PQexec(conn, sql)
                           : PQexecPrepared(conn, sql, count, values, nullptr,
                                            nullptr, 0);
  const auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    std::fprintf(stderr, "%s: %s\n", sql, PQerrorMessage(conn));
    std::exit(1);
  }
  PQclear(r);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(
        stderr,
        "usage: %s URI WORKSHOP_ID SESSION_ID ROWS_FILE [--seconds S]\n",
        argv[0]);
    return 2;
  }
  const std::string workshop_id = argv[2];
  const std::string session_id = argv[3];
  double seconds = 5;
  if (argc >= 7 && !std::strcmp(argv[5], "--seconds"))
    seconds = std::atof(argv[6]);

  std::vector<std::pair<std::string, std::string>> rows;
  {
    std::ifstream in(argv[4]);
    std::string person, status;
    while (in >> person >> status) rows.emplace_back(person, status);
  }
  if (rows.empty()) {
    std::fprintf(stderr, "%s: no rows\n", argv[4]);
    return 2;
  }

  PGconn* conn = PQconnectdb(argv[1]);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::fprintf(stderr, "%s: %s\n", argv[1], PQerrorMessage(conn));
    return 1;
  }
  PGresult* prepared = PQprepare(
      conn, "upsert",
      "INSERT INTO attendance (session_id, workshop_id, person_id, status)"
      " VALUES ($1::int8, $2::int8, $3::int8, $4::text)"
      " ON CONFLICT (session_id, person_id)"
      " DO UPDATE SET status = excluded.status",
      4, nullptr);
  if (PQresultStatus(prepared) != PGRES_COMMAND_OK) {
    std::fprintf(stderr, "prepare: %s\n", PQerrorMessage(conn));
    return 1;
  }
  PQclear(prepared);

  std::vector<double> latencies;
  const auto started = std::chrono::steady_clock::now();
  const auto until =
      started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                    std::chrono::duration<double>(seconds));
  auto now = started;
  while (now < until) {
    const auto t0 = now;
    Run(conn, "BEGIN ISOLATION LEVEL SERIALIZABLE");
    for (const auto& [person, status] : rows) {
      const std::string& text = bench::Moved(status, latencies.size());
      const char* values[] = {session_id.c_str(), workshop_id.c_str(),
                              person.c_str(), text.c_str()};
      Run(conn, "upsert", 4, values);
    }
    Run(conn, "COMMIT");
    now = std::chrono::steady_clock::now();
    latencies.push_back(
        std::chrono::duration<double, std::milli>(now - t0).count());
  }
  const double elapsed = std::chrono::duration<double>(now - started).count();
  PQfinish(conn);
  std::printf(
      "sheets=%zu rows_per_sheet=%zu seconds=%.2f sheets_per_s=%.1f "
      "p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
      latencies.size(), rows.size(), elapsed,
      static_cast<double>(latencies.size()) / elapsed,
      bench::Percentile(latencies, 50), bench::Percentile(latencies, 99),
      bench::Percentile(latencies, 100));
  return 0;
}
