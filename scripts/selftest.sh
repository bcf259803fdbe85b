# A test of ./suite itself, run by ./suite test before the Java tests. In a home and on ports of its own, it shows
# that deleted infrastructure is fetched again, and that a failing step of ./suite run is named, points at its log
# and ends with a non-zero exit.

check_suite_script() {
  SELFTEST_LOG="$SUITE_HOME/selftest.log"
  step "testing ./suite itself (fetch again after deletion, failures reported); log in $SELFTEST_LOG" "$SELFTEST_LOG"
  local home port server
  home=$(mktemp -d /var/tmp/suite-selftest.XXXXXX)
  chmod 755 "$home" # as root, PostgreSQL runs as nobody, who must reach it
  : >"$SELFTEST_LOG"

  selftest_suite "$home" fetch || selftest_fail "./suite fetch failed in a new SUITE_HOME"
  selftest_has_infra "$home" || selftest_fail "./suite fetch left no PostgreSQL, Kafka or Keycloak in $home/dist"
  rm -rf "$home/dist"
  selftest_suite "$home" fetch || selftest_fail "./suite fetch failed after the downloads were deleted"
  selftest_has_infra "$home" || selftest_fail "./suite fetch did not fetch the deleted infrastructure again"

  ! SELFTEST_POSTGRES_VERSION=0.0.0-missing selftest_suite "$home" run \
    || selftest_fail "./suite run exited 0 although PostgreSQL 0.0.0-missing cannot be fetched"
  selftest_said "fetching PostgreSQL 0.0.0-missing.* failed" || selftest_fail "./suite run did not name the failed fetch"
  selftest_said "last lines of .*/fetch.log" || selftest_fail "./suite run did not show the fetch log"

  port=$(free_port)
  "$JAVA_HOME/bin/jwebserver" -b 127.0.0.1 -p "$port" -d "$home" >/dev/null 2>&1 &
  server=$!
  wait_for_port "$port" "the server taking port $port" 30
  SELFTEST_PG_PORT=$port selftest_suite "$home" run && { kill "$server"; selftest_fail "./suite run exited 0 although port $port is taken"; }
  kill "$server"
  selftest_said "port $port is taken" || selftest_fail "./suite run did not say that port $port is taken"
  rm -rf "$home"
  log "./suite fetches again what was deleted and reports its failed steps"
}

# Runs ./suite in the self-test's home, on free ports, appending its output to the self-test log.
selftest_suite() {
  local home=$1; shift
  printf '\n$ ./suite %s\n' "$*" >>"$SELFTEST_LOG"
  env -u SUITE_DIST -u SUITE_DATA -u SUITE_LOGS -u SUITE_INSTANCE SUITE_HOME="$home" \
    SUITE_POSTGRES_VERSION="${SELFTEST_POSTGRES_VERSION:-$SUITE_POSTGRES_VERSION}" \
    SUITE_PG_PORT="${SELFTEST_PG_PORT:-$(free_port)}" SUITE_KAFKA_PORT="$(free_port)" SUITE_KAFKA_CONTROLLER_PORT="$(free_port)" \
    SUITE_KEYCLOAK_PORT="$(free_port)" SUITE_KEYCLOAK_MANAGEMENT_PORT="$(free_port)" \
    timeout 600 "$SUITE_ROOT/suite" "$@" >>"$SELFTEST_LOG" 2>&1
}

selftest_has_infra() {
  [ -x "$1/dist/postgres-$SUITE_POSTGRES_VERSION/bin/postgres" ] && [ -d "$1/dist/kafka-$SUITE_KAFKA_VERSION/libs" ] \
    && [ -x "$1/dist/keycloak-$SUITE_KEYCLOAK_VERSION/bin/kc.sh" ]
}

selftest_said() { grep -Eq "$1" "$SELFTEST_LOG"; }

selftest_fail() { die "self-test of ./suite: $1 (see $SELFTEST_LOG)"; }

# A port nothing listens on, for the self-test's own instance.
free_port() {
  local port
  while true; do
    port=$((40000 + RANDOM % 20000))
    port_busy "$port" || { echo "$port"; return 0; }
  done
}
