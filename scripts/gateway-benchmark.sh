# ./suite benchmark gateway: the same GET endpoint called directly, through the gateway and through Debian's nginx
# (configured here as a plain keep-alive reverse proxy to the same service), with wrk at several connection counts;
# then the gateway's peak resident size while a 2 GiB upload streams through it. Writes the "Gateway" section of
# docs/benchmarks.md (between its markers). nginx and wrk come from Debian's packages (installed when missing, as root).

SUITE_BENCH_CONNECTIONS=${SUITE_BENCH_CONNECTIONS:-"1 16 64 256"}
SUITE_BENCH_DURATION=${SUITE_BENCH_DURATION:-20s}
SUITE_BENCH_PATH=${SUITE_BENCH_PATH:-"/v1/conventions?limit=20"}
SUITE_NGINX_PID=

ensure_debian_packages() {
  local missing=() tool
  for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  [ ${#missing[@]} = 0 ] && return 0
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || die "install ${missing[*]} (Debian packages) first"
  log "installing ${missing[*]} from Debian's packages"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } >"$SUITE_LOGS/apt.log" 2>&1 \
    || die "could not install ${missing[*]}, see $SUITE_LOGS/apt.log"
}

nginx_start() {
  local port=$1 upstream=$2 dir="$SUITE_DATA/nginx"
  mkdir -p "$dir/logs"
  cat >"$dir/nginx.conf" <<CONF
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream service { server 127.0.0.1:$upstream; keepalive 256; }
  server {
    listen 127.0.0.1:$port;
    client_max_body_size 8g;
    proxy_request_buffering off;
    proxy_buffering off;
    location / {
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
  nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' >"$SUITE_LOGS/nginx.log" 2>&1 &
  SUITE_NGINX_PID=$!
  wait_for_port "$port" nginx 30
}

# The benchmark calls as Valence Romans Agglo's system: a fresh token for each run outlives it.
SUITE_BENCH_CLIENT=valence-romans-agglo-system
bench_auth() { echo "Authorization: Bearer $(keycloak_client_token "$SUITE_BENCH_CLIENT")"; }

# "requests/s p50-ms p99-ms" of one wrk run
wrk_run() {
  wrk -t$(($1 < 2 ? $1 : 2)) -c"$1" -d"$SUITE_BENCH_DURATION" --latency -H "$(bench_auth)" "$2" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

gateway_benchmark() {
  ensure_debian_packages nginx wrk
  local service=18581 registry=18582 gateway=18580 nginx_port=18583 c target port result table upload peak
  # wrk calls as one client: a budget it never spends, so that the rate limit's cost (one PostgreSQL round trip per
  # request) is measured, not its 429s (docs/adr/0016)
  SUITE_SERVICES="convention-service:$service:/v1/conventions enterprise-registry-service:$registry:/v1/establishments" \
    SUITE_GATEWAY_PORT=$gateway SUITE_GATEWAY_OPTS="-Dgateway.rate-limits.clients.$SUITE_BENCH_CLIENT.requests=1000000000" \
    services_start
  nginx_start "$nginx_port" "$service"
  # warmed up alike (the service's JIT serves all three), then each row in another order: the machine's drift over a
  # run does not always favour the same target
  for port in "$service" "$gateway" "$nginx_port"; do wrk -t2 -c16 -d15s -H "$(bench_auth)" "http://127.0.0.1:$port$SUITE_BENCH_PATH" >/dev/null; done
  step "measuring GET $SUITE_BENCH_PATH direct, through the gateway and through nginx (wrk, $SUITE_BENCH_DURATION per run)"
  table="| connections | direct req/s | gateway req/s (ratio) | nginx req/s (ratio) | p99 ms direct / gateway / nginx |"$'\n'"|---|---|---|---|---|"
  local targets=("direct:$service" "gateway:$gateway" "nginx:$nginx_port") row=0
  for c in $SUITE_BENCH_CONNECTIONS; do
    declare -A rps=() p99=()
    for target in "${targets[@]:row%3}" "${targets[@]:0:row%3}"; do
      result=$(wrk_run "$c" "http://127.0.0.1:${target#*:}$SUITE_BENCH_PATH")
      rps[${target%%:*}]=$(echo "$result" | cut -d' ' -f1); p99[${target%%:*}]=$(echo "$result" | cut -d' ' -f3)
    done
    row=$((row + 1))
    table+=$'\n'"| $c | ${rps[direct]} | ${rps[gateway]} ($(awk "BEGIN{printf \"%.2f\", ${rps[gateway]}/${rps[direct]}}")) | ${rps[nginx]} ($(awk "BEGIN{printf \"%.2f\", ${rps[nginx]}/${rps[direct]}}")) | ${p99[direct]} / ${p99[gateway]} / ${p99[nginx]} |"
  done
  step "streaming a 2 GiB upload through the gateway"
  upload="$SUITE_DATA/upload-2g.csv"
  head -c 2147483648 /dev/zero | tr '\0' 'x' >"$upload"
  # as the import job (only admin imports): the registry reads the whole upload and rejects its lines
  curl -sS -o /dev/null -H "Authorization: Bearer $(keycloak_client_token sirene-import-job)" -F "file=@$upload" \
    "http://127.0.0.1:$gateway/v1/imports"
  peak=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/${SUITE_SERVICE_PIDS[-1]}/status")
  rm -f "$upload"
  benchmark_write_section "$table" "$peak" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

benchmark_write_section() {
  local doc="$SUITE_ROOT/docs/benchmarks.md" section
  section=$(cat <<MD
<!-- benchmark:gateway:begin -->
## Gateway

Run of $(date -u +%FT%T) UTC on $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo) GiB memory, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(nginx -v 2>&1). wrk, 2 threads (1 for 1 connection), $SUITE_BENCH_DURATION per run after 15 s of warm-up per target, the targets' order rotating from row to row, GET $SUITE_BENCH_PATH on convention-service with the demo data; all on loopback of the same machine, so the gateway and nginx take their CPU from the service's. Load average (1, 5, 15 minutes) at the end of the run: $3.

$1

Goals: gateway throughput at least 0.9× the direct call's and at least nginx's ratio; p99 added latency under 2 ms.

Peak resident size of the gateway process (VmHWM) after a 2 GiB upload streamed through it to the registry: **$2 MiB** (heap ${SUITE_GATEWAY_HEAP:-128m}).
<!-- benchmark:gateway:end -->
MD
)
  # the same section markers as the Java benchmarks' BenchmarkReport (platform test-jar)
  if grep -q '<!-- benchmark:gateway:begin -->' "$doc"; then
    SECTION="$section" awk '/<!-- benchmark:gateway:begin -->/ {print ENVIRON["SECTION"]; skip=1} /<!-- benchmark:gateway:end -->/ {skip=0; next} !skip' "$doc" >"$doc.new"
  else
    { cat "$doc"; printf '\n%s\n' "$section"; } >"$doc.new"
  fi
  mv "$doc.new" "$doc"
  log "gateway results written to docs/benchmarks.md"
}
