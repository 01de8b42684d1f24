#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) over the project's .cpp files (make tidy).
# usage: tests/tools/tidy.sh [JOBS] [OUTPUT-FILE]
# Uses build/release/compile_commands.json minus GCC's precompiled-header flags
# (clang cannot read a GCC .gch; each file includes what it uses itself) and
# -Werror flags. With OUTPUT-FILE, the output goes there too (without colours).
set -euo pipefail
cd "$(dirname "$0")/../.."
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
if [ -n "$out" ]; then
  run 2>&1 | sed -E 's/\x1b\[[0-9;]*m//g' | tee "$out"
  echo "tidy: findings saved to $out ($(grep -cE ': warning: .*\[[a-z0-9.,-]+\]$' "$out" || true) warnings)"
else
  run
fi
