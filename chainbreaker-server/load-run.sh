#!/usr/bin/env bash
# One load-test run of LOAD.md's procedure: start `./chainbreaker serve` (or the HTTP-only floor,
# load.NullServer) on a fresh data directory, warm it up, measure, and print what LOAD.md records:
# the client's latency summary, the server's and the client's CPU per event, and the handler's own
# latency from /metrics. The server is stopped at the end.
#
# Usage: chainbreaker-server/load-run.sh [RATE [SECONDS]]          (default 20000 events/s, 30 s)
# Environment: MODE=process-crash|power-loss  FLOOR=1 (NullServer)  WORK_US=N (the floor spends N µs of CPU per event)  BATCH=20  CONNS=8
#              WARM=45 (s)  WARMRATE=8000  SERIES=file.csv  PORT=18090
#              SERVE_ARGS='--config FILE' (more arguments for `chainbreaker serve`)
#              CHAINBREAKER_JAVA_OPTS (passed to the launcher unchanged)
#              CLIENT_JAVA_OPTS (more JVM options for the load client, e.g. -Xlog:gc:file=client-gc.log)
#              EVENTS=file.ndjson (a population's traffic from `chainbreaker simulate --out`, each event sent
#              once: the warm-up takes the file's first WARMRATE x (WARM + 1) events, the measured run the
#              next RATE x (SECONDS + 5); without it, the synthetic stress mix)
#              DURING='command' (run in the background when the measured run starts, with PID set
#              to the server's process id: a profiler attach, say)
# Build first (mvn -B -q package -DskipTests); the launcher rebuilds only when sources changed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rate="${1:-20000}" duration="${2:-30}"
mode="${MODE:-process-crash}" batch="${BATCH:-20}" conns="${CONNS:-8}"
warm="${WARM:-45}" warmrate="${WARMRATE:-8000}" port="${PORT:-18090}"
cp="$root/chainbreaker-server/target/classes:$root/chainbreaker-server/target/lib/*"
data="$(mktemp -d)"
admin="load-admin-key-$(date +%s%N)"
log="$data.server.log"

if [ -n "${FLOOR:-}" ]; then
  java -XX:+UseZGC -Xms2g -Xmx2g -cp "$cp" dev.chainbreaker.server.load.NullServer --port "$port" --work-us "${WORK_US:-0}" >"$log" 2>&1 &
else
  CHAINBREAKER_ADMIN_KEY="$admin" CHAINBREAKER_DURABILITY="$mode" \
    "$root/chainbreaker" serve --port "$port" --data "$data" ${SERVE_ARGS:-} >"$log" 2>&1 &
fi
launcher=$!
cleanup() { kill "$launcher" 2>/dev/null || true; wait "$launcher" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$port/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "localhost:$port/healthz" >/dev/null || { echo "server did not start; log: $log" >&2; cat "$log" >&2; exit 1; }
pid="$launcher"   # the launcher execs the JVM: same process

key=none
if [ -z "${FLOOR:-}" ]; then
  key="$(curl -sf -X POST "localhost:$port/v1/keys" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -d '{"role":"ingest","name":"load"}' | sed 's/.*"key":"\([^"]*\)".*/\1/')"
fi
# The load client, the same for the warm-up and the measured run.
lg=(java -Xmx512m -XX:+UseSerialGC ${CLIENT_JAVA_OPTS:-} -cp "$cp" dev.chainbreaker.server.load.LoadGenerator
  --url "http://127.0.0.1:$port" --key "$key" --connections "$conns" --batch "$batch")
# Handler latency buckets of POST /v1/events, from the server's own Prometheus histogram.
buckets() {
  [ -n "${FLOOR:-}" ] && return 0
  curl -sf "localhost:$port/metrics" -H "Authorization: Bearer $admin" \
    | grep 'duration_seconds_bucket{method="POST",route="/v1/events"' || true
}
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
# The machine's CPU time by kind (/proc/stat's first line): user nice system idle iowait irq softirq steal.
machine() { awk '/^cpu /{print $2, $3, $4, $5, $6, $7, $8, $9}' /proc/stat; }

echo "# $(date -u +%FT%TZ) $(grep -m1 'cpu MHz' /proc/cpuinfo | tr -s ' \t' ' ') mode=$mode floor=${FLOOR:-0} work=${WORK_US:-0}us events=${EVENTS:-synthetic} rate=$rate batch=$batch conns=$conns warm=${warm}s@$warmrate"
# Warm-up with its own seed (or its own slice of the event file, one second's worth to spare): the
# measured run's events must not be retries of these.
warmfile=() runfile=()
if [ -n "${EVENTS:-}" ]; then
  warmfile=(--events "$EVENTS") runfile=(--events "$EVENTS" --skip "$(( warm > 0 ? warmrate * (warm + 1) : 0 ))")
fi
[ "$warm" -gt 0 ] && "${lg[@]}" --rate "$warmrate" --duration "$warm" --warmup 0 --seed 7 "${warmfile[@]}" >/dev/null 2>&1
before="$(buckets)"; t0="$(ticks)"; m0="$(machine)"
[ -n "${DURING:-}" ] && PID="$pid" bash -c "$DURING" &
series=(); [ -n "${SERIES:-}" ] && series=(--series "$SERIES")
client="$( { /usr/bin/time -f 'client-cpu %U %S' \
  "${lg[@]}" --rate "$rate" --duration "$duration" --warmup 5 --seed 42 "${series[@]}" "${runfile[@]}"; } 2>&1 )"
t1="$(ticks)"; m1="$(machine)"; after="$(buckets)"
echo "$client"
hz="$(getconf CLK_TCK)"
events=$(( rate * (duration + 5) ))
awk -v t="$((t1 - t0))" -v hz="$hz" -v n="$events" 'BEGIN { printf "server CPU %.1f s, %.1f us/event (offered events incl. 5 s unrecorded)\n", t/hz, t/hz*1e6/n }'
echo "$client" | awk -v n="$events" '/^client-cpu/ { printf "client CPU %.1f s, %.1f us/event\n", $2+$3, ($2+$3)*1e6/n }'
# Idle and steal (time the hypervisor gave the vCPUs to someone else) over the measured run, both cores.
echo "$m0 $m1" | awk '{ t = 0; for (i = 1; i <= 8; i++) { d[i] = $(i + 8) - $i; t += d[i] }
  printf "machine: %.1f%% idle, %.1f%% steal (both cores, during the run)\n", 100 * (d[4] + d[5]) / t, 100 * d[8] / t }'
if [ -n "$before" ]; then
  paste <(echo "$before") <(echo "$after") | awk '
    { match($1, /le="[^"]*"/); le = substr($1, RSTART+4, RLENGTH-5); d = $4 - $2; rows[++k] = le; cnt[k] = d }
    END { total = cnt[k]; printf "handler:"; for (i = 1; i <= k; i++) if (rows[i] ~ /^(0.001|0.002|0.005|0.01|0.05)$/) printf " <=%sms %.2f%%", rows[i]*1000, 100*cnt[i]/total; printf " (n=%d)\n", total }'
fi
