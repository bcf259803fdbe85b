# PostgreSQL from the official binaries packaged on Maven Central (io.zonky.test.postgres), run as a plain process.
# As root, the server runs as 'nobody' because initdb and postgres refuse to run as root.

PG_BIN_DIR() { echo "$SUITE_DIST/postgres-$SUITE_POSTGRES_VERSION/bin"; }
PG_DATA() { echo "$SUITE_DATA/postgres"; }

# Runs a PostgreSQL binary as the account that owns the cluster.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

pg_install() {
  local home="$SUITE_DIST/postgres-$SUITE_POSTGRES_VERSION" bundle
  [ -x "$home/bin/postgres" ] && return 0
  bundle=$(ls "$SUITE_DIST/postgres-$SUITE_POSTGRES_VERSION-bundle"/postgres-linux-*.txz 2>/dev/null | head -1 || true)
  [ -n "$bundle" ] || die "PostgreSQL bundle missing in $SUITE_DIST (infra fetch failed?)"
  mkdir -p "$home"
  tar -xJf "$bundle" -C "$home" || die "could not unpack $bundle into $home"
  chmod -R a+rX "$home"
  if [ "$(id -u)" = 0 ] && ! runuser -u nobody -- test -x "$home/bin/postgres"; then
    die "user 'nobody' cannot reach $home: set SUITE_HOME to a folder every user can traverse (e.g. /var/tmp/partnerships-suite)"
  fi
}

pg_init() {
  local data; data=$(PG_DATA)
  [ -f "$data/PG_VERSION" ] && return 0
  log "initialising PostgreSQL cluster in $data"
  mkdir -p "$data" "$SUITE_LOGS"
  [ "$(id -u)" = 0 ] && chown nobody: "$data"
  chmod 700 "$data"
  pg_as_owner "$(PG_BIN_DIR)/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$SUITE_LOGS/initdb.log" 2>&1 \
    || die "initdb failed, see $SUITE_LOGS/initdb.log"
}

# The services' database and Keycloak's, created in single-user mode before the server listens (no client binary
# needed); also in a cluster of an earlier version of the suite, which had the first only.
pg_ensure_databases() {
  local data existing database; data=$(PG_DATA)
  mkdir -p "$SUITE_LOGS"
  existing=$(echo "SELECT datname FROM pg_database" | pg_as_owner "$(PG_BIN_DIR)/postgres" --single -D "$data" postgres 2>>"$SUITE_LOGS/initdb.log") \
    || die "listing the databases failed, see $SUITE_LOGS/initdb.log"
  for database in "$SUITE_DB" keycloak; do
    grep -q "datname = \"$database\"" <<<"$existing" && continue
    echo "CREATE DATABASE $database" | pg_as_owner "$(PG_BIN_DIR)/postgres" --single -D "$data" postgres >>"$SUITE_LOGS/initdb.log" 2>&1 \
      || die "creating database $database failed, see $SUITE_LOGS/initdb.log"
  done
}

pg_running() { pg_as_owner "$(PG_BIN_DIR)/pg_ctl" status -D "$(PG_DATA)" >/dev/null 2>&1; }

# Sized for a registry of millions of establishments: the default 128 MB of buffers does not hold its indexes, and
# 1 GB of WAL between checkpoints makes a million-row import checkpoint every 18 s. docker-compose.yml uses the same.
PG_SETTINGS="-c shared_buffers=512MB -c max_wal_size=4GB"

pg_start() {
  pg_install; pg_init
  pg_running && { log "PostgreSQL already running on port $SUITE_PG_PORT"; return 0; }
  port_busy "$SUITE_PG_PORT" && die "port $SUITE_PG_PORT is taken: set SUITE_PG_PORT (or SUITE_TEST_PG_PORT)"
  pg_ensure_databases
  mkdir -p "$SUITE_LOGS"; touch "$SUITE_LOGS/postgres.log"
  [ "$(id -u)" = 0 ] && chown nobody: "$SUITE_LOGS/postgres.log"
  log "starting PostgreSQL $SUITE_POSTGRES_VERSION on 127.0.0.1:$SUITE_PG_PORT"
  pg_as_owner "$(PG_BIN_DIR)/pg_ctl" start -w -t 60 -D "$(PG_DATA)" -l "$SUITE_LOGS/postgres.log" \
    -o "-p $SUITE_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c fsync=${SUITE_PG_FSYNC:-on} $PG_SETTINGS" >/dev/null \
    || die "PostgreSQL did not start, see $SUITE_LOGS/postgres.log"
}

pg_stop() {
  [ -x "$(PG_BIN_DIR)/pg_ctl" ] && [ -f "$(PG_DATA)/postmaster.pid" ] || return 0
  log "stopping PostgreSQL"
  pg_as_owner "$(PG_BIN_DIR)/pg_ctl" stop -m fast -w -D "$(PG_DATA)" >/dev/null 2>&1 || true
}

pg_jdbc_url() { echo "jdbc:postgresql://127.0.0.1:$SUITE_PG_PORT/$SUITE_DB"; }
