# Shared helpers for ./suite: logging, configuration and the JDK lookup.
# Every setting can be overridden from the environment; defaults avoid the usual 5432/9092 ports.

SUITE_ROOT=${SUITE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
# As root, PostgreSQL runs as 'nobody' (initdb refuses root), which must reach its files: when the checkout sits in
# a folder nobody cannot enter (e.g. /root), the default home moves to /var/tmp, one folder per checkout.
default_suite_home() {
  if [ "$(id -u)" = 0 ] && ! runuser -u nobody -- test -x "$SUITE_ROOT" 2>/dev/null; then
    echo "/var/tmp/partnerships-suite-$(printf '%s' "$SUITE_ROOT" | md5sum | cut -c1-8)"
  else
    echo "$SUITE_ROOT/.suite"
  fi
}
SUITE_HOME=${SUITE_HOME:-$(default_suite_home)}
SUITE_DIST=${SUITE_DIST:-$SUITE_HOME/dist}
SUITE_POSTGRES_VERSION=${SUITE_POSTGRES_VERSION:-17.6.0}
SUITE_KAFKA_VERSION=${SUITE_KAFKA_VERSION:-4.1.2}
SUITE_KEYCLOAK_VERSION=${SUITE_KEYCLOAK_VERSION:-26.7.3}
# Keycloak's bootstrap administrator (master realm), for its admin console and the tests' admin REST API calls; it
# exists on loopback only, like the rest of a local instance.
SUITE_KEYCLOAK_ADMIN_USERNAME=${SUITE_KEYCLOAK_ADMIN_USERNAME:-suite-admin}
SUITE_KEYCLOAK_ADMIN_PASSWORD=${SUITE_KEYCLOAK_ADMIN_PASSWORD:-suite-admin}
SUITE_MIN_JAVA=21

log() { printf '\033[1;34m[suite]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[suite] error:\033[0m %s\n' "$*" >&2; exit 1; }

# The step under way and its log: when a command fails, set -e alone would end the script without a word, so the
# ERR trap names the step, the command and the log to read, and the script exits with the command's status.
SUITE_STEP=""
SUITE_STEP_LOG=""
step() { SUITE_STEP=$1; SUITE_STEP_LOG=${2:-}; log "$1"; }
report_failure() {
  local status=$1 command=$2
  [ "$BASH_SUBSHELL" = 0 ] || return 0 # once, at the top: a failed $(…) is reported by the command that used it
  printf '\033[1;31m[suite] error:\033[0m %s failed (exit %s) at: %s\n' "${SUITE_STEP:-./suite}" "$status" "$command" >&2
  [ -z "$SUITE_STEP_LOG" ] || show_log_tail "$SUITE_STEP_LOG"
}
show_log_tail() {
  [ -f "$1" ] || return 0
  printf '\033[1;31m[suite]\033[0m last lines of %s:\n' "$1" >&2
  tail -n 15 "$1" | sed 's/^/    /' >&2
}
set -E
trap 'report_failure $? "$BASH_COMMAND"' ERR

# Ports and folders of one instance ("run", "test" or "bench", for ./suite run, test and benchmark).
use_instance() {
  SUITE_INSTANCE=$1
  case "$SUITE_INSTANCE" in
    run)
      SUITE_PG_PORT=${SUITE_PG_PORT:-15432}
      SUITE_KAFKA_PORT=${SUITE_KAFKA_PORT:-19092}
      SUITE_KAFKA_CONTROLLER_PORT=${SUITE_KAFKA_CONTROLLER_PORT:-19093}
      SUITE_KEYCLOAK_PORT=${SUITE_KEYCLOAK_PORT:-18180}
      SUITE_KEYCLOAK_MANAGEMENT_PORT=${SUITE_KEYCLOAK_MANAGEMENT_PORT:-18190} ;;
    test)
      SUITE_PG_PORT=${SUITE_TEST_PG_PORT:-25432}
      SUITE_KAFKA_PORT=${SUITE_TEST_KAFKA_PORT:-29092}
      SUITE_KAFKA_CONTROLLER_PORT=${SUITE_TEST_KAFKA_CONTROLLER_PORT:-29093}
      SUITE_KEYCLOAK_PORT=${SUITE_TEST_KEYCLOAK_PORT:-28180}
      SUITE_KEYCLOAK_MANAGEMENT_PORT=${SUITE_TEST_KEYCLOAK_MANAGEMENT_PORT:-28190}
      # the gateway of the black-box tests: fixed, since the realm's redirect URI for Swagger UI names it
      SUITE_GATEWAY_PORT=${SUITE_TEST_GATEWAY_PORT:-28080} ;;
    bench)
      SUITE_PG_PORT=${SUITE_BENCH_PG_PORT:-35432}
      SUITE_KAFKA_PORT=${SUITE_BENCH_KAFKA_PORT:-39092}
      SUITE_KAFKA_CONTROLLER_PORT=${SUITE_BENCH_KAFKA_CONTROLLER_PORT:-39093}
      SUITE_KEYCLOAK_PORT=${SUITE_BENCH_KEYCLOAK_PORT:-38180}
      SUITE_KEYCLOAK_MANAGEMENT_PORT=${SUITE_BENCH_KEYCLOAK_MANAGEMENT_PORT:-38190} ;;
    *) die "unknown instance '$SUITE_INSTANCE'" ;;
  esac
  SUITE_DATA=${SUITE_DATA:-$SUITE_HOME/$SUITE_INSTANCE}
  SUITE_LOGS=$SUITE_DATA/logs
  SUITE_DB=${SUITE_DB:-partnerships}
  export SUITE_INSTANCE SUITE_PG_PORT SUITE_KAFKA_PORT SUITE_KAFKA_CONTROLLER_PORT SUITE_KEYCLOAK_PORT \
    SUITE_KEYCLOAK_MANAGEMENT_PORT SUITE_GATEWAY_PORT SUITE_DATA SUITE_LOGS SUITE_DB
}

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }

# Finds a JDK 21+ (JAVA_HOME, then PATH, then the system's JVM folder) and exports JAVA_HOME.
find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null)" /usr/lib/jvm/*/bin/java /opt/java/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    [ -x "$(dirname "$candidate")/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$SUITE_MIN_JAVA" ]; then
      JAVA_HOME=$(cd "$(dirname "$(readlink -f "$candidate")")/.." && pwd)
      export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
      # Maven's Guice warns about sun.misc.Unsafe on Java 23+; the flag does not exist before.
      [ "$major" -ge 23 ] && export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
      return 0
    fi
  done
  die "no JDK $SUITE_MIN_JAVA or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or set JAVA_HOME."
}

# From the project root whatever the caller's folder (-pl names modules relative to it).
mvnw() { (cd "$SUITE_ROOT" && "$SUITE_ROOT/mvnw" -B -ntp "$@"); }

# Waits until a TCP port accepts connections.
wait_for_port() {
  local port=$1 what=$2 seconds=${3:-60} i
  for ((i = 0; i < seconds * 4; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.25
  done
  die "$what did not open port $port within ${seconds}s"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Whether the process whose id a pid file holds runs.
pid_running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Stops a process started in a session of its own (setsid) by its pid file: TERM, up to 30 s to end (Kafka and
# Keycloak pass it on and shut down in order), then KILL of whatever is left in that session.
stop_by_pid_file() {
  local file=$1 what=$2 pid i
  pid_running "$file" || { rm -f "$file"; return 0; }
  pid=$(cat "$file")
  log "stopping $what"
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 120; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -9 -- "-$pid" 2>/dev/null || true
  rm -f "$file"
}
