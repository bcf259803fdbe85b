# The suite's services as plain JVM processes (the fast-jar that 'mvn package' builds in each module), listening on
# loopback only, then the gateway in front of them: the one entry point (docs/adr/0013). Each verifies bearer tokens
# with the realm that export_infra_env names (OIDC_SERVER_URL, OIDC_ISSUER).
# name:port:path of its main resource; each name is also the gateway's upstream of that name.
SUITE_SERVICES=${SUITE_SERVICES:-"convention-service:8081:/v1/conventions enterprise-registry-service:8082:/v1/establishments"}
SUITE_GATEWAY_PORT=${SUITE_GATEWAY_PORT:-8080}
SUITE_SERVICE_PIDS=()

services_start() {
  local entry name port
  for entry in $SUITE_SERVICES; do
    IFS=: read -r name port _ <<<"$entry"
    port_busy "$port" && die "port $port for $name is taken: set SUITE_SERVICES (e.g. \"$name:18081:/v1/conventions\")"
    log "starting $name on http://127.0.0.1:$port (loopback only)"
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$port QUARKUS_PROFILE=${SUITE_PROFILE:-prod} DEMO_DATA=${DEMO_DATA:-true} \
      setsid java -Xmx${SUITE_SERVICE_HEAP:-384m} -jar "$SUITE_ROOT/$name/target/quarkus-app/quarkus-run.jar" \
      >"$SUITE_LOGS/$name.log" 2>&1 </dev/null &
    SUITE_SERVICE_PIDS+=($!)
  done
  local i=0
  for entry in $SUITE_SERVICES; do
    IFS=: read -r name port _ <<<"$entry"
    services_wait_ready "$name" "$port" "${SUITE_SERVICE_PIDS[$i]}"
    i=$((i + 1))
  done
  gateway_start
}

# After the services: its readiness then reports theirs. Each service's address is the upstream of its name.
gateway_start() {
  local entry name port upstreams=()
  port_busy "$SUITE_GATEWAY_PORT" && die "port $SUITE_GATEWAY_PORT for the gateway is taken: set SUITE_GATEWAY_PORT"
  for entry in $SUITE_SERVICES; do
    IFS=: read -r name port _ <<<"$entry"
    upstreams+=("-Dgateway.upstreams.$name.url=http://127.0.0.1:$port")
  done
  log "starting the gateway on http://localhost:$SUITE_GATEWAY_PORT"
  QUARKUS_HTTP_PORT=$SUITE_GATEWAY_PORT QUARKUS_PROFILE=${SUITE_PROFILE:-prod} \
    setsid java -Xmx${SUITE_GATEWAY_HEAP:-128m} "${upstreams[@]}" ${SUITE_GATEWAY_OPTS:-} -jar "$SUITE_ROOT/gateway/target/quarkus-app/quarkus-run.jar" \
    >"$SUITE_LOGS/gateway.log" 2>&1 </dev/null &
  SUITE_SERVICE_PIDS+=($!)
  services_wait_ready gateway "$SUITE_GATEWAY_PORT" "$!"
}

services_wait_ready() {
  local name=$1 port=$2 pid=$3 i
  for ((i = 0; i < 480; i++)); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && { log "$name is ready"; return 0; }
    kill -0 "$pid" 2>/dev/null || service_failed "$name" "exited during start-up"
    sleep 0.25
  done
  service_failed "$name" "was not ready within 120s"
}

service_failed() {
  show_log_tail "$SUITE_LOGS/$1.log"
  die "$1 $2, see $SUITE_LOGS/$1.log"
}

services_stop() {
  local pid
  for pid in "${SUITE_SERVICE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SUITE_SERVICE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  SUITE_SERVICE_PIDS=()
}

services_print_urls() {
  local entry name port path gateway="http://localhost:$SUITE_GATEWAY_PORT"
  printf '\n  The suite is up. Data in %s, logs in %s\n\n' "$SUITE_DATA" "$SUITE_LOGS"
  printf '  %-22s %s   (the entry point: every API below, at one address)\n' "gateway" "$gateway"
  for entry in $SUITE_SERVICES; do
    IFS=: read -r name port path <<<"$entry"
    printf '  %-22s API      %s%s\n' "" "$gateway" "$path"
  done
  printf '  %-22s Swagger  %s/q/swagger-ui   OpenAPI %s/q/openapi (the whole suite)\n' "" "$gateway" "$gateway"
  printf '  %-22s Health   %s/q/health/ready (each service)   Metrics %s/q/metrics (admin token)\n\n' "" "$gateway" "$gateway"
  for entry in $SUITE_SERVICES; do
    IFS=: read -r name port path <<<"$entry"
    printf '  %-22s operators only, on loopback: http://127.0.0.1:%s/q/health  /q/metrics  /admin/outbox/parked\n' "$name" "$port"
  done
  printf '  %-22s PostgreSQL 127.0.0.1:%s/%s (user postgres)   Kafka 127.0.0.1:%s\n' "infrastructure" "$SUITE_PG_PORT" "$SUITE_DB" "$SUITE_KAFKA_PORT"
  printf '  %-22s Keycloak %s, realm %s (tokens: README, "Identity"); admin console %s/admin (%s)\n\n' \
    "identity provider" "$(keycloak_url)" "$KEYCLOAK_REALM" "$(keycloak_url)" "$SUITE_KEYCLOAK_ADMIN_USERNAME"
}
