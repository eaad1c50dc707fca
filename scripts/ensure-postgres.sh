#!/usr/bin/env bash
# The team server's tests start their own PostgreSQL 15 clusters (primary, streaming replica,
# postgres_fdw shards): install Debian's postgresql-15 when its binaries are missing.
set -euo pipefail
BIN="${PG_BINDIR:-/usr/lib/postgresql/15/bin}"
if [ -x "$BIN/postgres" ] && [ -x "$BIN/initdb" ] && [ -x "$BIN/pg_basebackup" ] && [ -f /usr/share/postgresql/15/extension/postgres_fdw.control ]; then exit 0; fi
install() {
  # No cluster of the package's own: the tests make theirs in temporary folders.
  mkdir -p /etc/postgresql-common
  [ -f /etc/postgresql-common/createcluster.conf ] || echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
}
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's postgresql-15 (needed for the team server's tests)…" >&2
  install
elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
  sudo bash -c "$(declare -f install); install"
else
  echo "PostgreSQL 15 not found in $BIN. Install it (Debian: apt-get install postgresql-15) or set PG_BINDIR." >&2
  exit 1
fi
