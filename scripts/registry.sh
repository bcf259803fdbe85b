# ./suite registry-import FILE: uploads a SIRENE StockEtablissement file (CSV or .gz) to the running registry and
# follows the import job until it ends, printing its progress. SUITE_ACCESS_TOKEN: a bearer token of the suite's
# identity provider (README, "Identity").

# Through the gateway, whose imports route takes uploads of several GB, streamed.
SUITE_REGISTRY_URL=${SUITE_REGISTRY_URL:-http://localhost:${SUITE_GATEWAY_PORT:-8080}}

registry_import() {
  local file=${1:-} response id status report
  [ -n "$file" ] && [ -f "$file" ] || die "usage: ./suite registry-import FILE (a SIRENE StockEtablissement CSV, optionally .gz)"
  command -v curl >/dev/null || die "curl is needed to upload the file"
  [ -n "${SUITE_ACCESS_TOKEN:-}" ] || die "set SUITE_ACCESS_TOKEN to a bearer token of the suite's identity provider (README, \"Identity\")"
  local auth="Authorization: Bearer $SUITE_ACCESS_TOKEN"
  response=$(curl -sS -f -H "$auth" -F "file=@$file" "$SUITE_REGISTRY_URL/v1/imports") \
    || die "the registry at $SUITE_REGISTRY_URL refused the upload (is ./suite run up? is another import running? is the token valid?)"
  id=$(printf '%s' "$response" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
  [ -n "$id" ] || die "unexpected answer: $response"
  log "import $id started; progress at $SUITE_REGISTRY_URL/v1/imports/$id"
  while true; do
    report=$(curl -sS -f -H "$auth" "$SUITE_REGISTRY_URL/v1/imports/$id") \
      || die "lost the import (tokens last 5 minutes: with a new one, follow it at $SUITE_REGISTRY_URL/v1/imports/$id)"
    status=$(printf '%s' "$report" | sed -n 's/.*"status":"\([A-Z]*\)".*/\1/p')
    printf '\r%s' "$(printf '%s' "$report" | sed 's/[{}"]//g; s/,/  /g' | cut -c1-200)" >&2
    [ "$status" = RUNNING ] || break
    sleep 2
  done
  printf '\n' >&2
  [ "$status" = SUCCEEDED ] || die "import $id $status; rejected lines: $SUITE_REGISTRY_URL/v1/imports/$id/rejections"
  log "import $id succeeded; rejected lines, if any: $SUITE_REGISTRY_URL/v1/imports/$id/rejections"
}

# ./suite sirene-generate --rows N --seed S --out FILE[.gz] [--territory-communes CODES-OR-FILE] [--weight-by-population]:
# writes a synthetic SIRENE StockEtablissement file with the sirene-generator module (docs/registry.md).
sirene_generate() {
  local log="$SUITE_HOME/sirene-generator-build.log"
  mkdir -p "$(dirname "$log")"
  step "building the SIRENE generator" "$log"
  mvnw -q -l "$log" -pl sirene-generator -am package -DskipTests
  step "generating"
  "$JAVA_HOME/bin/java" -cp "$SUITE_ROOT/sirene-generator/target/classes:$(cat "$SUITE_ROOT/sirene-generator/target/runtime-classpath.txt")" \
    fr.artisanat.registry.sirene.generator.GenerateSireneFile "$@"
}
