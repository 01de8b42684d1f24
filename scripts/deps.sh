#!/usr/bin/env bash
# Installs every Debian 12 package capdev needs to build, run and test (apt-get).
# Quick when everything is already installed: one dpkg-query, no apt-get at all.
# usage: scripts/deps.sh [--dev|--bench]
#   --dev adds clang-format for make format;
#   --bench adds what make bench loads and compares capdev with: wrk, nginx-light
#   (the static-file reference), sqlite3 and python3 (already in the base list).
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config ccache
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libspdlog-dev libfmt-dev libsqlite3-dev libsqlitecpp-dev libcli11-dev
  libsodium-dev libicu-dev libxlsxwriter-dev libzip-dev libexpat1-dev libxml2-dev
  libpq-dev libqrencode-dev
  # certificates: cairo and pango draw the PDFs, libjpeg reads JPEG images,
  # fonts-noto-cjk sets both scripts (embedded and subset)
  libcairo2-dev libpango1.0-dev libjpeg-dev fonts-noto-cjk
  # run: the SQLite shell for operators; PostgreSQL 15's client tools
  # (pg_dump, pg_restore for backup and restore on PostgreSQL)
  sqlite3 postgresql-client-15
  # test: GoogleTest, Debian's python3 (/usr/bin/python3) with its modules,
  # a headless browser for the web tests, xmllint, pdfinfo and pdftotext
  # (printed sheets), clang-tidy 19 (make test fails on a finding; Debian 12
  # has it in main)
  libgtest-dev libgmock-dev
  python3 python3-pytest python3-openpyxl python3-selenium
  chromium chromium-driver
  libxml2-utils poppler-utils zbar-tools clang-tidy-19
  # a throwaway PostgreSQL 15 cluster for the tests on the second engine
  # (tests/tools/with_postgres.sh, tests/cluster/), and the sample nginx in
  # front of two instances (scripts/nginx-capdev.conf, with a certificate
  # openssl makes for the test)
  postgresql-15 nginx-light openssl
)
case "${1:-}" in
  --dev) packages+=(clang-format) ;;
  --bench) packages+=(wrk nginx-light sqlite3 python3) ;;
esac

# Node.js and npm run the pinned npm test tools (tests/js). Only install Debian's
# when the commands are missing: a nodejs deb from elsewhere (nodesource) bundles
# npm and conflicts with Debian's separate npm package.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

# One dpkg-query for all: prints "ii " for an installed package; names dpkg has
# never seen are reported on stderr and are missing too.
declare -A installed=()
while read -r status name; do
  [ "$status" = "ii" ] && installed[${name%%:*}]=1
done < <(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${packages[@]}" 2>/dev/null || true)
missing=()
for p in "${packages[@]}"; do
  [ -n "${installed[$p]:-}" ] || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
fi
