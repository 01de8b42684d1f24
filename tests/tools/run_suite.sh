#!/usr/bin/env bash
# Configures, builds and tests one CMake preset; `make test` runs it for release,
# asan and tsan. A sanitizer report (build/PRESET/sanitizer-log/, written by any
# process the tests start, the server included) fails the run as a test would.
#
# usage: tests/tools/run_suite.sh PRESET [CTEST-ARGS...]
#   WERROR=ON|OFF  CAPDEV_WERROR for the configure step (default ON)
#   JOBS=N         parallel compile and test jobs (default: nproc)
#   TARGETS="a b"  build only these targets (default: all)
set -uo pipefail
cd "$(dirname "$0")/../.."

preset=${1:?usage: run_suite.sh PRESET [CTEST-ARGS...]}
shift
jobs=${JOBS:-$(nproc)}
logs=build/$preset/sanitizer-log

start=$SECONDS
cmake --preset "$preset" -DCAPDEV_WERROR="${WERROR:-ON}" >/dev/null || exit 1
# shellcheck disable=SC2086  # TARGETS is a list
cmake --build --preset "$preset" -j"$jobs" ${TARGETS:+--target $TARGETS} || exit 1
built=$SECONDS

rm -rf "$logs"
mkdir -p "$logs"
# The storage tests run on both engines: PostgreSQL in a throwaway cluster.
bash tests/tools/with_postgres.sh ctest --preset "$preset" -j"$jobs" "$@"
rc=$?
tested=$SECONDS

reports=("$logs"/*)
if [ -e "${reports[0]}" ]; then
  echo
  echo "== $preset: ${#reports[@]} sanitizer report(s) in $logs:"
  for f in "${reports[@]}"; do
    echo "---- $f"
    head -n 60 "$f"
  done
  rc=1
fi

echo "== $preset: configure+build $((built - start)) s, tests $((tested - built)) s," \
  "$([ "$rc" -eq 0 ] && echo passed || echo FAILED)"
exit "$rc"
