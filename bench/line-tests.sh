#!/usr/bin/env bash
# The line tests' round trip, M3TX asked at the DO gateway -> each OC's M6TX recorded there, one
# command (method and results in BENCHMARKS.md): builds the services, then runs LineTestBenchmark,
# which starts a durable PostgreSQL (as bench/production-shape.sh), the demo auth-server, the OI,
# 4 OC adapters and the DO gateway as separate processes (v2 between them all), asks tests through
# the gateway's field API, and stops and deletes all of them at the end.
#   bench/line-tests.sh [-Drate=20 -Dseconds=60 -Dwarmup=60 -Dsettling=5 -Dpms=20 -Doutages-per-second=4
#                        -Dpatience=120 -Doi.args="--some.setting=value" -Doc.args=... -Ddo.args=...
#                        -Doi-jvm="-Xms256m -Xmx512m" -Dservice-jvm="-Xms128m -Xmx384m" -Dembedded=true]
set -euo pipefail
cd "$(dirname "$0")/.."
classpath="$PWD/bench/target/classpath.txt"
if [[ "${NO_BUILD:-}" != "1" || ! -f "$classpath" ]]; then
  # one reactor build: the bench's classpath names the sibling modules' jars just built
  ./mvnw -q -B package dependency:build-classpath -DskipTests -Dmdep.outputFile="$classpath" \
      -pl auth-server,oi-service,oc-adapter,do-gateway,bench -am
fi
exec java -cp "bench/target/classes:$(cat "$classpath")" "$@" fr.eintervention.bench.shape.LineTestBenchmark
