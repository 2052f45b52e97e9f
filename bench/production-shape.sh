#!/usr/bin/env bash
# The OI in production's shape, one command (method and results in BENCHMARKS.md):
# builds the services, then runs ProductionShapeBenchmark, which starts a durable PostgreSQL (the
# system's binaries if present, else the embedded one with fsync and synchronous_commit on), the
# demo auth-server, the OI, the OC receivers and the load generator as separate processes, and
# stops and deletes all of them at the end.
#   bench/production-shape.sh [-Drate=200 -Dseconds=60 -Dbacklog=10000 -Dcapacity-rates=200,300,400
#                              -Dcapacity-seconds=60 -Dpgbench-clients=1,2,4,8,16,32 -Doi-jvm="-Xmx512m"
#                              -Doi.args="--some.setting=value" -Dembedded=true]
#   bench/production-shape.sh -Dcompare-jar=<another build's oi-service exec jar> [-Dcompare-rounds=2]
#   bench/production-shape.sh -Dcompare-mix=true [-Dcompare-rounds=2]   (v1 partners only against v1 and v2 mixed)
set -euo pipefail
cd "$(dirname "$0")/.."
classpath="$PWD/bench/target/classpath.txt"
if [[ "${NO_BUILD:-}" != "1" || ! -f "$classpath" ]]; then
  # one reactor build: the bench's classpath names the sibling modules' jars just built
  ./mvnw -q -B package dependency:build-classpath -DskipTests -Dmdep.outputFile="$classpath" \
      -pl auth-server,oi-service,bench -am
fi
exec java -cp "bench/target/classes:$(cat "$classpath")" "$@" fr.eintervention.bench.shape.ProductionShapeBenchmark
