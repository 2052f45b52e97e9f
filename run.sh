#!/usr/bin/env bash
# Builds the suite and runs it on this machine with nothing but a JDK: each service gets an
# embedded PostgreSQL (data kept in ./data/) and the demo sample data. Ctrl-C stops everything.
#   ./run.sh            build, then run every service
#   ./run.sh --no-build run what was built last
set -euo pipefail
cd "$(dirname "$0")"

if [[ "${1:-}" != "--no-build" ]]; then
  ./mvnw -q -B install -DskipTests
fi

# service directory, port, extra arguments
SERVICES=(
  "oi-service 8081"
  "oc-adapter 8082 --eintervention.oc.code=OC01"
  "oc-adapter 8083 --eintervention.oc.code=OC02 --spring.application.name=oc-adapter-oc02"
  "do-gateway 8080"
)

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM
mkdir -p data/logs
for entry in "${SERVICES[@]}"; do
  read -r dir port args <<<"$entry"
  jar=$(ls "$dir"/target/"$dir"-*-exec.jar 2>/dev/null | head -1 || true)
  [[ -n "$jar" ]] || continue
  log="data/logs/$dir-$port.log"
  java -jar "$jar" --server.port="$port" --spring.profiles.active=demo ${args:-} >"$log" 2>&1 &
  pids+=($!)
  echo "starting $dir on port $port (log: $log)"
done

for entry in "${SERVICES[@]}"; do
  read -r dir port args <<<"$entry"
  [[ -n "$(ls "$dir"/target/"$dir"-*-exec.jar 2>/dev/null)" ]] || continue
  for _ in $(seq 1 120); do
    curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
    sleep 1
  done
  echo "$dir ready: http://localhost:$port  Swagger UI: http://localhost:$port/swagger-ui.html"
done
echo "Running. Ctrl-C to stop."
wait
