#!/usr/bin/env bash
# Builds the suite and runs it on this machine with nothing but a JDK 17: the demo authorization
# server, the OI, two OC adapters (OC01, OC02) and the DO gateway, each with its own embedded
# PostgreSQL (data kept in ./data/postgres/<name>) and the demo data. Ctrl-C stops everything.
#   ./run.sh             build (tests skipped), then run
#   ./run.sh --no-build  run what was built last
# Then ./demo.sh walks one intervention through M1 -> M2, a line test (M3TX -> M4TX -> M5TX -> M6TX),
# then M3 -> M4 -> M5.
set -euo pipefail
cd "$(dirname "$0")"

if [[ "${1:-}" != "--no-build" ]]; then
  ./mvnw -q -B install -DskipTests
fi

# name, module, port, environment (space separated)
SERVICES=(
  "auth-server auth-server 9000"
  "oi-service oi-service 8081"
  "oc-adapter-oc01 oc-adapter 8082 OC_CODE=OC01 OC_CLIENT_SECRET=demo-oc01-secret"
  "oc-adapter-oc02 oc-adapter 8083 OC_CODE=OC02 OC_CLIENT_SECRET=demo-oc02-secret"
  "do-gateway do-gateway 8080"
)

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM
mkdir -p data/logs
for entry in "${SERVICES[@]}"; do
  read -r name module port env <<<"$entry"
  jar=$(ls "$module"/target/"$module"-*-exec.jar | head -1)
  log="data/logs/$name.log"
  # "line-tests": the demo with Lot 2's line tests (DO01, OC01, OC02 and the gateway's OI01 in v2)
  env $env PORT="$port" java -jar "$jar" --spring.profiles.active=demo,line-tests --spring.application.name="$name" >"$log" 2>&1 &
  pids+=($!)
  echo "starting $name on port $port (log: $log)"
done

for entry in "${SERVICES[@]}"; do
  read -r name module port env <<<"$entry"
  for _ in $(seq 1 180); do
    curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
    sleep 1
  done
  if [[ "$module" == auth-server ]]; then
    # the authorization server has no HTTP API of its own to try: its sign-in form is reached from the apps
    echo "$name ready: http://localhost:$port (issuer of the demo's tokens; discovery: http://localhost:$port/.well-known/openid-configuration)"
  else
    echo "$name ready: http://localhost:$port  Swagger UI: http://localhost:$port/swagger-ui.html"
  fi
done
echo "Technician's app: http://localhost:8080/app/ (sign in: technicien / demo; on a phone: docs/technician-app.md)"
echo "Running. ./demo.sh walks one intervention through the suite. Ctrl-C stops everything."
wait
