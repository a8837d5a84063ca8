#!/usr/bin/env bash
# Installs what ANTQ needs to build, run and test on Debian 12, and only what is missing.
# Idempotent and non-interactive: safe to call before every build.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages, by purpose. Boost 1.81 headers + Boost.JSON only: the -all-dev meta-package
# pulls ~100 packages we do not use.
PKGS=(
  build-essential cmake ninja-build ccache pkg-config
  libboost1.81-dev libboost-json1.81-dev
  libsqlite3-dev sqlite3
  libpq-dev postgresql postgresql-contrib
  libsodium-dev libicu-dev libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev
  # Spreadsheet import (issue 14): XLSX is a zip of XML parts, read with minizip and expat.
  libminizip-dev libexpat1-dev
  # News posts (issue 15): a small Markdown subset rendered by cmark, raw HTML never passed through.
  libcmark-dev
  # The server's allocator (decision 0018): a spreadsheet import spent a fifth of its time in glibc's.
  libjemalloc-dev
  libxlsxwriter-dev zlib1g-dev liboath-dev libcurl4-openssl-dev libexiv2-dev libqrencode-dev
  libavformat-dev libavcodec-dev libavutil-dev libjpeg62-turbo-dev
  libgtest-dev libgmock-dev
  clang libclang-rt-14-dev llvm
  # `make lint` (scripts/lint.sh): the formatter and the checks of .clang-format and .clang-tidy.
  clang-format clang-tidy
  nodejs npm
  chromium fonts-noto-core fonts-dejavu-core
  nginx-light wrk curl ca-certificates
  # Reports as Word documents (decision 0012): LibreOffice headless converts them; the tests read
  # PDFs back with poppler's pdftotext and workbooks with unzip; Liberation Serif stands in for
  # Times New Roman with the same metrics.
  libreoffice-writer-nogui poppler-utils unzip fonts-liberation2
  # The update e-mails to reporters are tested against a real SMTP server on loopback (aiosmtpd,
  # run with /usr/bin/python3: server/tests/support/smtp_sink.py).
  python3-aiosmtpd
  # The build: server/cmake/sql_header.py turns each repository's .sql file into a header.
  python3
)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# node/npm may come from outside Debian (a newer Node already on the machine): keep it.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  # nginx is a benchmark reference only: never let its package start a system service on :80.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Front-end packages: only when the lock file changed since the last install.
if [ -f web/package-lock.json ]; then
  stamp=web/node_modules/.antq-lock-sha
  want=$(sha256sum web/package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "install-deps: npm ci in web/"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
fi
