#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) over the project's .cpp files.
# usage: tests/tools/tidy.sh [JOBS] [OUTPUT-FILE]   (make tidy)
#        tests/tools/tidy.sh --check [JOBS]         (make test)
# make tidy: every file, tests/ and bench/ included, for information (exit 0).
# With OUTPUT-FILE, the output goes there too (without colours).
# --check: the production code only (app/, domain/, storage/, their headers
# through HeaderFilterRegex) with every finding an error: prints each finding
# once and fails when there is any (or when clang-tidy cannot parse a file).
# Uses build/release/compile_commands.json minus GCC's precompiled-header flags
# (clang cannot read a GCC .gch; each file includes what it uses itself) and
# -Werror flags.
set -euo pipefail
cd "$(dirname "$0")/../.."
check=false
if [ "${1:-}" = "--check" ]; then
  check=true
  shift
fi
jobs=${1:-$(nproc)}
out=${2:-}
root=$PWD
db=build/tidy

[ -f build/release/compile_commands.json ] || cmake --preset release >/dev/null
mkdir -p "$db"
/usr/bin/python3 - "$root" build/release/compile_commands.json "$db/compile_commands.json" <<'PY'
import json, re, shlex, sys
root, src, dst = sys.argv[1:]
keep = re.compile(re.escape(root) + r"/(app|domain|storage|tests|bench)/.*\.cpp$")
out = []
for e in json.load(open(src)):
    if not keep.match(e["file"]):
        continue  # generated sources under build/
    args = shlex.split(e["command"]) if "command" in e else e["arguments"]
    clean, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a == "-include":
            skip = True  # -include .../cmake_pch.hxx
        elif a == "-Winvalid-pch" or a.startswith(("-Werror", "-Wno-error=", "-fsanitize")):
            pass  # GCC-only or irrelevant to clang-tidy
        else:
            clean.append(a)
    out.append({"directory": e["directory"], "file": e["file"], "arguments": clean})
json.dump(out, open(dst, "w"), indent=1)
print(f"tidy: {len(out)} files", file=sys.stderr)
PY

# clang-tidy 19 (Debian 12 has it) parses C++20 that 14 cannot (aggregate class
# template argument deduction, as in domain/field.hpp); 14 is the fallback.
tidy=$(command -v clang-tidy-19 || command -v clang-tidy)
runner=$(command -v run-clang-tidy-19 || command -v run-clang-tidy || true)
echo "tidy: $("$tidy" --version | grep -m1 -o 'version [0-9.]*')" >&2
run() {
  if [ -n "$runner" ]; then
    /usr/bin/python3 "$runner" -clang-tidy-binary "$tidy" -quiet -p "$db" -j "$jobs" || true
  else
    /usr/bin/python3 -c 'import json,sys; print("\n".join(e["file"] for e in json.load(open(sys.argv[1]))))' \
      "$db/compile_commands.json" | xargs -P "$jobs" -n 1 "$tidy" --quiet -p "$db" || true
  fi
}

if $check; then
  # The findings are those of clang-tidy 19: another version finds others.
  if [[ "$tidy" != *-19 || "$runner" != *-19 ]]; then
    echo "tidy: the check needs clang-tidy-19 and run-clang-tidy-19 (scripts/deps.sh)" >&2
    exit 1
  fi
  start=$SECONDS
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  only="^$(printf '%s' "$root" | sed 's/[][\.^$*+?(){}|]/\\&/g')/(app|domain|storage)/"
  rc=0
  /usr/bin/python3 "$runner" -clang-tidy-binary "$tidy" -quiet -p "$db" -j "$jobs" \
    -warnings-as-errors='*' "$only" >"$log" 2>&1 || rc=$?
  files=$(grep -oE -m1 '[0-9]+ files out of' "$log" | grep -oE '^[0-9]+' || echo 0)
  # Each finding once: one in a header comes again with every file including it.
  findings=$(sed -E 's/\x1b\[[0-9;]*m//g' "$log" |
    grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error): ' | sort -u || true)
  n=0
  if [ -n "$findings" ]; then
    n=$(printf '%s\n' "$findings" | wc -l)
    printf '%s\n' "$findings"
  elif [ "$rc" -ne 0 ]; then
    tail -n 40 "$log"  # clang-tidy failed without a finding: show why
  fi
  if [ "$files" -eq 0 ]; then
    tail -n 40 "$log"
    echo "== tidy: no file of app/, domain/, storage/ in $db/compile_commands.json, FAILED"
    exit 1
  fi
  if [ "$rc" -ne 0 ] || [ "$n" -ne 0 ]; then
    echo "== tidy: $n finding(s) in app/, domain/, storage/ ($files files," \
      "$((SECONDS - start)) s), FAILED; details: $tidy -p $db FILE"
    exit 1
  fi
  echo "== tidy: $files files of app/, domain/, storage/ in $((SECONDS - start)) s," \
    "no findings, passed"
  exit 0
fi

if [ -n "$out" ]; then
  run 2>&1 | sed -E 's/\x1b\[[0-9;]*m//g' | tee "$out"
  echo "tidy: findings saved to $out ($(grep -cE ': warning: .*\[[a-z0-9.,-]+\]$' "$out" || true) warnings)"
else
  run
fi
