# Keycloak, the suite's identity provider (docs/adr/0014), from its distribution on Maven Central: production mode
# over HTTP on loopback, on the suite's PostgreSQL (database keycloak), realm partnerships imported from
# infra/keycloak/partnerships-realm.json when the database does not hold it yet.

KEYCLOAK_REALM=partnerships
KEYCLOAK_HOME() { echo "$SUITE_DIST/keycloak-$SUITE_KEYCLOAK_VERSION"; }
# The instance's own Keycloak home (data, imports, transaction logs), beside the shared distribution: ./suite run and
# ./suite test may run at once from one download.
KEYCLOAK_DIR() { echo "$SUITE_DATA/keycloak"; }
KEYCLOAK_PID() { echo "$SUITE_DATA/keycloak.pid"; }
# Build-time options: 'kc.sh build' bakes them into the distribution once, then every start is '--optimized'.
KEYCLOAK_BUILD_OPTIONS="--db=postgres --health-enabled=true"
# Start-up is what costs on two cores: C1 only (about a third less CPU to become ready) and a class-data archive
# written at the first stop and reused after (SharedArchiveFile, beside the distribution).
KEYCLOAK_JVM_OPTIONS="-XX:TieredStopAtLevel=1 -XX:+AutoCreateSharedArchive"
KEYCLOAK_LAUNCHED=

keycloak_url() { echo "http://localhost:$SUITE_KEYCLOAK_PORT"; }
# The issuer of the tokens, which services and gateway check: the realm's URL as browsers and curl reach it.
keycloak_realm_url() { echo "$(keycloak_url)/realms/$KEYCLOAK_REALM"; }

# After an unpack, which overwrote the distribution: its scripts executable, its build to be made again.
keycloak_unpacked() {
  local home; home=$(KEYCLOAK_HOME)
  [ -d "$home/bin" ] || return 0
  chmod +x "$home"/bin/*.sh
  rm -f "$home/.suite-build-options" "$home/suite-cds.jsa"
}

keycloak_running() { pid_running "$(KEYCLOAK_PID)"; }

keycloak_ready() { curl -fs "http://127.0.0.1:$SUITE_KEYCLOAK_MANAGEMENT_PORT/health/ready" >/dev/null 2>&1; }

# Once per distribution (a marker holds the options it was built with): about a minute on two cores.
keycloak_build() {
  local home marker; home=$(KEYCLOAK_HOME); marker="$home/.suite-build-options"
  [ "$(cat "$marker" 2>/dev/null)" = "$KEYCLOAK_BUILD_OPTIONS" ] && return 0
  mkdir -p "$SUITE_LOGS"
  log "building Keycloak $SUITE_KEYCLOAK_VERSION for PostgreSQL (kc.sh build, once per download)"
  "$home/bin/kc.sh" build $KEYCLOAK_BUILD_OPTIONS >"$SUITE_LOGS/keycloak-build.log" 2>&1 \
    || { show_log_tail "$SUITE_LOGS/keycloak-build.log"; die "kc.sh build failed, see $SUITE_LOGS/keycloak-build.log"; }
  echo "$KEYCLOAK_BUILD_OPTIONS" >"$marker"
}

# Starts Keycloak without waiting for it (it takes the longest): keycloak_await_ready waits.
keycloak_launch() {
  [ -x "$(KEYCLOAK_HOME)/bin/kc.sh" ] || die "Keycloak missing in $(KEYCLOAK_HOME) (infra fetch failed?)"
  keycloak_running && { log "Keycloak already running on port $SUITE_KEYCLOAK_PORT"; return 0; }
  port_busy "$SUITE_KEYCLOAK_PORT" && die "port $SUITE_KEYCLOAK_PORT is taken: set SUITE_KEYCLOAK_PORT (or SUITE_TEST_KEYCLOAK_PORT)"
  port_busy "$SUITE_KEYCLOAK_MANAGEMENT_PORT" \
    && die "port $SUITE_KEYCLOAK_MANAGEMENT_PORT is taken: set SUITE_KEYCLOAK_MANAGEMENT_PORT (or SUITE_TEST_KEYCLOAK_MANAGEMENT_PORT)"
  keycloak_build
  local dir; dir=$(KEYCLOAK_DIR)
  mkdir -p "$dir/data/import" "$dir/providers" "$dir/themes" "$SUITE_LOGS"
  # the built distribution, where Keycloak looks for it: under its home
  ln -sfn "$(KEYCLOAK_HOME)/lib" "$dir/lib"
  cp "$SUITE_ROOT/infra/keycloak/$KEYCLOAK_REALM-realm.json" "$dir/data/import/"
  log "starting Keycloak $SUITE_KEYCLOAK_VERSION on $(keycloak_url) (realm $KEYCLOAK_REALM, heap ${SUITE_KEYCLOAK_HEAP:-512m})"
  # Own session, like Kafka: Ctrl-C reaches ./suite, which stops it in order. kc.home.dir: the instance's home.
  JAVA_OPTS_KC_HEAP="-Xms64m -Xmx${SUITE_KEYCLOAK_HEAP:-512m}" JAVA_OPTS_APPEND="$KEYCLOAK_JVM_OPTIONS -XX:SharedArchiveFile=$(KEYCLOAK_HOME)/suite-cds.jsa" \
    KC_BOOTSTRAP_ADMIN_USERNAME=$SUITE_KEYCLOAK_ADMIN_USERNAME KC_BOOTSTRAP_ADMIN_PASSWORD=$SUITE_KEYCLOAK_ADMIN_PASSWORD \
    KC_DB_URL="jdbc:postgresql://127.0.0.1:$SUITE_PG_PORT/keycloak" KC_DB_USERNAME=postgres KC_DB_PASSWORD=postgres \
    setsid "$(KEYCLOAK_HOME)/bin/kc.sh" "-Dkc.home.dir=$dir" start --optimized --import-realm \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$SUITE_KEYCLOAK_PORT" \
    --http-management-port="$SUITE_KEYCLOAK_MANAGEMENT_PORT" --hostname="$(keycloak_url)" --cache=local \
    >"$SUITE_LOGS/keycloak.log" 2>&1 </dev/null &
  echo $! >"$(KEYCLOAK_PID)"
  KEYCLOAK_LAUNCHED=$SECONDS
}

keycloak_await_ready() {
  local i
  for ((i = 0; i < 360; i++)); do
    keycloak_ready && { log "Keycloak is ready${KEYCLOAK_LAUNCHED:+ ($((SECONDS - KEYCLOAK_LAUNCHED)) s after its launch)}"; return 0; }
    keycloak_running || { show_log_tail "$SUITE_LOGS/keycloak.log"; die "Keycloak exited, see $SUITE_LOGS/keycloak.log"; }
    sleep 0.5
  done
  show_log_tail "$SUITE_LOGS/keycloak.log"
  die "Keycloak was not ready within 180s, see $SUITE_LOGS/keycloak.log"
}

keycloak_start() { keycloak_launch; keycloak_await_ready; }

# kc.sh passes the signal on to its JVM, which writes the class-data archive when it is the first to stop.
keycloak_stop() { stop_by_pid_file "$(KEYCLOAK_PID)" Keycloak; }

# The demo secret of a confidential client of the committed realm file (demo only: README, "Identity").
keycloak_demo_secret() {
  awk -v id="\"$1\"," '$1 == "\"clientId\":" { if (found) exit; found = $2 == id }
    found && $1 == "\"secret\":" { gsub(/[",]/, "", $2); print $2; exit }' "$SUITE_ROOT/infra/keycloak/$KEYCLOAK_REALM-realm.json"
}

# An access token of a demo partner system, by client credentials (valid 5 minutes).
keycloak_client_token() {
  local answer
  answer=$(curl -sS -f -d grant_type=client_credentials --data-urlencode "client_id=$1" \
    --data-urlencode "client_secret=$(keycloak_demo_secret "$1")" "$(keycloak_realm_url)/protocol/openid-connect/token") \
    || die "no token for $1 from $(keycloak_realm_url)"
  printf '%s' "$answer" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
