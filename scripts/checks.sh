# Static checks that ./suite test runs before the tests: the committed OpenAPI documents pass Spectral (spectral:oas
# and the OWASP ruleset), and docker-compose.yml is a valid compose file. Each needs a tool that a bare JDK machine
# may lack (npm, docker-compose): then the check says it was skipped, loudly, rather than pretending it passed.

SUITE_SPECTRAL_VERSION=${SUITE_SPECTRAL_VERSION:-6.16.3}
SUITE_SPECTRAL_OWASP_VERSION=${SUITE_SPECTRAL_OWASP_VERSION:-2.0.1}

# Two lints of every committed document: spectral:oas (.spectral.yaml), where a warning fails too, and the OWASP API
# security ruleset (.spectral-owasp.yaml), where an error fails (its warnings are listed, docs/adr/0016).
check_openapi() {
  if ! command -v npm >/dev/null 2>&1; then
    log "SKIPPED: OpenAPI lint needs npm (Node.js); install it to run Spectral"
    return 0
  fi
  local home="$SUITE_DIST/spectral-$SUITE_SPECTRAL_VERSION-owasp-$SUITE_SPECTRAL_OWASP_VERSION"
  if [ ! -x "$home/node_modules/.bin/spectral" ] || [ ! -d "$home/node_modules/@stoplight/spectral-owasp-ruleset" ]; then
    log "installing Spectral $SUITE_SPECTRAL_VERSION and its OWASP ruleset $SUITE_SPECTRAL_OWASP_VERSION from npm into $home"
    npm install --prefix "$home" --no-audit --no-fund --silent "@stoplight/spectral-cli@$SUITE_SPECTRAL_VERSION" \
      "@stoplight/spectral-owasp-ruleset@$SUITE_SPECTRAL_OWASP_VERSION" >/dev/null \
      || die "could not install Spectral and its OWASP ruleset from npm"
  fi
  log "linting docs/openapi/*.yaml with Spectral (spectral:oas)"
  "$home/node_modules/.bin/spectral" lint "$SUITE_ROOT"/docs/openapi/*.yaml --ruleset "$SUITE_ROOT/.spectral.yaml" \
    --fail-severity warn || die "the OpenAPI documents do not pass Spectral"
  log "linting docs/openapi/*.yaml with Spectral's OWASP API security ruleset"
  # the ruleset names the package: Node finds it in Spectral's own folder, never on the network
  NODE_PATH="$home/node_modules" "$home/node_modules/.bin/spectral" lint "$SUITE_ROOT"/docs/openapi/*.yaml \
    --ruleset "$SUITE_ROOT/.spectral-owasp.yaml" --fail-severity error \
    || die "the OpenAPI documents do not pass the OWASP ruleset"
}

check_compose() {
  if ! command -v docker-compose >/dev/null 2>&1; then
    log "SKIPPED: docker-compose.yml check needs docker-compose (Debian package docker-compose)"
    return 0
  fi
  log "checking docker-compose.yml (docker-compose config)"
  (cd "$SUITE_ROOT" && docker-compose config -q) || die "docker-compose.yml is not valid"
}

# The gateway's Swagger UI test drives a headless Chromium from Debian's packages (never a browser fetched by npm).
ensure_chromium() {
  command -v chromium >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing Chromium from Debian's packages (the gateway's Swagger UI test); log in $SUITE_HOME/chromium-install.log"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } >"$SUITE_HOME/chromium-install.log" 2>&1 \
      || die "could not install chromium, see $SUITE_HOME/chromium-install.log"
  else
    log "Chromium is missing and cannot be installed here (needs root and apt-get): the gateway's SwaggerUiIT will fail"
  fi
}
