#!/usr/bin/env bash
# Walks one intervention through M1 -> M2, a line test on site (M3TX -> M4TX -> M5TX -> M6TX), then
# M3 -> M4 -> M5 on the suite started by ./run.sh, as each party would, and shows the outcome in the
# OI's consultation API.
# Needs: curl. Ports: auth-server 9000, DO gateway 8080, OI 8081, OC01 8082, OC02 8083.
set -euo pipefail
AUTH=${AUTH:-http://localhost:9000}

token() { # client secret
  curl -fsS -u "$1:$2" -d grant_type=client_credentials "$AUTH/oauth2/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
json() { # pretty print when python3 is there
  if command -v python3 >/dev/null; then python3 -m json.tool; else cat; echo; fi
}
field() { # name: the first string value of that field
  sed -E "s/.*\"$1\":\"([^\"]*)\".*/\1/"
}

TECH=$(token technician demo-technician-secret)
OPERATOR=$(token operator demo-operator-secret)
now=$(date -u +%s)
start=$(date -u -d "@$((now - 1800))" +%Y-%m-%dT%H:%M:%SZ)
down=$(date -u -d "@$((now - 1200))" +%Y-%m-%dT%H:%M:%SZ)

echo "1. OC01's supervision saw customer FI-0001-0042 lose its signal at $down"
curl -fsS localhost:8082/outages -H "Authorization: Bearer $OPERATOR" -H 'Content-Type: application/json' -d "[
  {\"PTO\":\"FI-0001-0042\",\"PM\":\"FI-35238-0001\",\"PBO\":\"PT000123\",\"downAt\":\"$down\",\"cause\":\"LOSS_OF_SIGNAL\"}]" >/dev/null

echo "2. A technician of DO01 declares a presence on PM FI-35238-0001 since $start (M1)"
created=$(curl -fsS localhost:8080/interventions -H "Authorization: Bearer $TECH" -H 'Content-Type: application/json' -d "{
  \"technicianId\":\"TECH-DEMO\",\"codeOi\":\"OI01\",\"pm\":\"FI-35238-0001\",
  \"natures\":[{\"nature\":1,\"pbo\":\"PT000123\",\"pto\":\"FI-1234-5678\"}],\"start\":\"$start\"}")
ref=$(echo "$created" | field ref)
echo "   Ref_Interv_DO: $ref"

echo "3. The DO gateway sends M1 to the OI (in v2); the OI answers with its reference and sends M2 to OC01 and OC02"
for _ in $(seq 1 60); do
  refoi=$(curl -fsS "localhost:8080/interventions/$ref" -H "Authorization: Bearer $TECH" | grep -o '"refIntervOi":"[^"]*"' | head -1 | cut -d'"' -f4 || true)
  [[ -n "$refoi" ]] && break
  sleep 1
done
echo "   Ref_Interv_OI: ${refoi:?the OI did not answer: is ./run.sh running?}"

tapped=$(date -u +%Y-%m-%dT%H:%M:%SZ)
echo "4. Still at the PM, the technician taps \"Tester les lignes\" at $tapped (M3TX); the OI relays it to"
echo "   OC01 and OC02 (M4TX), each answers once its outage feed has settled (at most 20 s in the demo,"
echo "   M5TX) and the OI sends each answer to the DO gateway (M6TX). Waiting for both (at most 2 min):"
curl -fsS "localhost:8080/interventions/$ref/line-tests" -H "Authorization: Bearer $TECH" -H 'Content-Type: application/json' \
  -d "{\"numeroTest\":1,\"dateTest\":\"$tapped\"}" >/dev/null
for waited in $(seq 0 120); do
  tests=$(curl -fsS "localhost:8080/interventions/$ref/line-tests" -H "Authorization: Bearer $TECH")
  answered=$(echo "$tests" | { grep -o '"status":"ANSWERED"' || true; } | wc -l)
  [[ $answered -ge 2 ]] && break
  sleep 1
done
echo "   What the technician's app shows: $(echo "$tests" | field summary)"
echo "$tests" | { grep -o '"lines":\[[^]]*\]' || true; } | sed -E 's/"lines":\[(.*)\]/\1/; s/","/\n/g; s/"//g; s/^/     /'

end=$(date -u +%Y-%m-%dT%H:%M:%SZ)
echo "5. The technician taps Fin at $end (M3); the OI sends M4 to OC01 and OC02"
curl -fsS "localhost:8080/interventions/$ref/end" -H "Authorization: Bearer $TECH" -H 'Content-Type: application/json' \
  -d "{\"end\":\"$end\",\"natures\":[{\"nature\":1,\"pbo\":\"PT000123\",\"pto\":\"FI-1234-5678\"}]}" >/dev/null

echo "6. Each OC waits its settling delay (2 min in the demo) after"
echo "   the M4, for its customers' outages to come in, then sends its M5. Waiting for both M5 (at most 5 min):"
received=0
for waited in $(seq 0 300); do
  view=$(curl -fsS "localhost:8081/consultation/interventions/$refoi" -H "Authorization: Bearer $OPERATOR")
  received=$(echo "$view" | { grep -o '"m5":"RECEIVED"' || true; } | wc -l)
  [[ $received -ge 2 ]] && break
  # one line rewritten in place on a terminal, a line every 10 s otherwise (a log)
  if [[ -t 1 ]]; then
    printf '\r   %3d s: %d of 2 M5 received ' "$waited" "$received"
  elif (( waited % 10 == 0 )); then
    echo "   $waited s: $received of 2 M5 received"
  fi
  sleep 1
done
[[ -t 1 ]] && printf '\n'
echo "   $received of 2 M5 received"

echo "7. What the OI knows of it (GET /consultation/interventions/$refoi): the M1 and M3, the line test"
echo "   (lineTests, and toDo: the M6TX delivered to DO01), per OC its messages and its M5:"
echo "$view" | json
