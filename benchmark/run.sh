#!/usr/bin/env bash
# Fan-out benchmark of the hub, side by side with a floor server and RabbitMQ Web-STOMP.
# Usage: benchmark/run.sh [scenario ...] [options]     (see benchmark/README.md)
#   scenarios: fleet fast crowd pilot slow baseline peer   (default: all, in that order)
#   --duration=S   measured window per run, seconds (default 15)
#   --warmup=S     warm-up after the last connection, seconds (default 10)
#   --scale=F      multiply every spectator count by F (e.g. 0.1 for a smoke run)
#   --no-deflate   clients do not offer permessage-deflate (default: offer it, as browsers do)
#   --login=L --passcode=P   CONNECT credentials for the hub's spectators and pilot
#   --jfr          record a JFR profile of the server in every hub run and summarise it
#   --no-build     use the jars already in */target
#   --transport=T  the generator's sockets: auto (epoll where available), epoll or nio
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/benchmark/target"
LOGS="$OUT/logs"
HUB_JAR="$ROOT/backend/target/backend-0.1.0-SNAPSHOT.jar"
BENCH_JAR="$ROOT/benchmark/target/benchmark-0.1.0-SNAPSHOT.jar"
PORT=${BENCH_PORT:-18080}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
GENERATOR_JAVA_OPTS=${GENERATOR_JAVA_OPTS:--Xms1g -Xmx1g}
RABBIT_URL=ws://127.0.0.1:15674/ws

DURATION=15
WARMUP=10
SCALE=1
DEFLATE=true
LOGIN="bench"
PASSCODE="bench"
JFR=false
BUILD=true
TRANSPORT=auto
SCENARIOS=()
for arg in "$@"; do
	case "$arg" in
		--duration=*) DURATION=${arg#*=} ;;
		--warmup=*) WARMUP=${arg#*=} ;;
		--scale=*) SCALE=${arg#*=} ;;
		--no-deflate) DEFLATE=false ;;
		--login=*) LOGIN=${arg#*=} ;;
		--passcode=*) PASSCODE=${arg#*=} ;;
		--jfr) JFR=true ;;
		--no-build) BUILD=false ;;
		fleet | fast | crowd | pilot | slow | baseline | peer) SCENARIOS+=("$arg") ;;
		--transport=*) TRANSPORT=${arg#*=} ;;
		-h | --help) sed -n '2,12p' "$0"; exit 0 ;;
		*) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
	esac
done
[ ${#SCENARIOS[@]} -eq 0 ] && SCENARIOS=(fleet fast crowd pilot slow baseline peer)

mkdir -p "$LOGS"
STARTED=$(date +%s)
CSV="$OUT/results.csv"
MD="$OUT/results.md"
CHART="$OUT/results.html"
SERVER_PID=""
RABBIT_PID=""
RABBIT_AFFINITY=""

log() { echo "[run.sh] $*" >&2; }

cleanup() {
	stop_server
	if [ -n "$RABBIT_PID" ] && [ -n "$RABBIT_AFFINITY" ]; then
		taskset -a -p "$RABBIT_AFFINITY" "$RABBIT_PID" >/dev/null 2>&1 || true
	fi
}
trap cleanup EXIT

scaled() { awk -v n="$1" -v f="$SCALE" 'BEGIN { v = int(n * f + 0.5); print (v < 1) ? 1 : v }'; }

# Raise the file limit for 10,000 connections on each side (capped by the hard limit).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

if $BUILD; then
	log "building the hub and the benchmark"
	(cd "$ROOT" && ./mvnw -q -pl backend,benchmark -am package -DskipTests -Dspring-javaformat.skip=true)
fi
for jar in "$HUB_JAR" "$BENCH_JAR"; do
	[ -f "$jar" ] || { echo "missing $jar: run without --no-build" >&2; exit 1; }
done
# run copies, so that a rebuild in another terminal cannot swap a jar under a running server
cp "$HUB_JAR" "$OUT/hub-under-test.jar"
cp "$BENCH_JAR" "$OUT/benchmark-under-test.jar"
HUB_JAR="$OUT/hub-under-test.jar"
BENCH_JAR="$OUT/benchmark-under-test.jar"

# ---- servers

wait_for_http() { # port pid
	for _ in $(seq 1 240); do
		if ! kill -0 "$2" 2>/dev/null; then
			return 1
		fi
		if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/")" != "000" ]; then
			return 0
		fi
		sleep 0.5
	done
	return 1
}

start_server() { # name jar args...
	local name=$1 jar=$2
	shift 2
	# taskset execs java, so $! is the JVM's own process id
	taskset -c 0 java $SERVER_JAVA_OPTS -jar "$jar" "$@" --server.port="$PORT" >"$LOGS/$name-server.log" 2>&1 &
	SERVER_PID=$!
	if ! wait_for_http "$PORT" "$SERVER_PID"; then
		log "server for $name did not start; see $LOGS/$name-server.log"
		stop_server
		return 1
	fi
}

stop_server() {
	if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill "$SERVER_PID" 2>/dev/null || true
		for _ in $(seq 1 40); do
			kill -0 "$SERVER_PID" 2>/dev/null || break
			sleep 0.25
		done
		kill -9 "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	SERVER_PID=""
}

# The hub asks pilots to log in and limits sessions per user and per address: give the load a
# user of its own and lift the session limits that 10,000 loopback connections would hit.
HUB_BENCH_ARGS=(--hub.security.users.bench.password='{noop}bench' --hub.security.users.bench.roles=PILOT
	--hub.security.users.bench-pilot.password='{noop}bench-pilot' --hub.security.users.bench-pilot.roles=PILOT
	--hub.security.limits.sessions-per-user=20000 --hub.security.limits.sessions-per-address=20000
	--spring.datasource.url="jdbc:h2:file:$OUT/data/hub")
# The flight recorder's database of every run starts empty, under benchmark/target/data.
rm -rf "$OUT/data"

start_hub() { # name fleet-size rate-hz [extra args]
	local name=$1 size=$2 rate=$3
	shift 3
	start_server "$name" "$HUB_JAR" --hub.fleet.size="$size" --hub.simulation.rate-hz="$rate" \
		"${HUB_BENCH_ARGS[@]}" "$@"
}

# Whether the hub accepts permessage-deflate, from its handshake answer; the floor server
# refuses it only if the hub does, so both are measured alike.
HUB_DEFLATE=""
probe_hub_deflate() { # port
	local answer
	answer=$(curl -s -i -N --max-time 2 -H 'Connection: Upgrade' -H 'Upgrade: websocket' \
		-H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' \
		-H 'Sec-WebSocket-Protocol: v12.stomp' \
		-H 'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits' \
		"http://127.0.0.1:$1/ws" 2>/dev/null || true)
	if echo "$answer" | grep -qi '^sec-websocket-extensions:.*permessage-deflate'; then
		HUB_DEFLATE=true
	else
		HUB_DEFLATE=false
	fi
}

# ---- one measured run

declare -A R
RUN_NOTES=""
run_generator() { # name url server-pid server-jvm(true|false) generator-args...
	local name=$1 url=$2 pid=$3 jvm=$4
	shift 4
	local out="$OUT/$name.properties"
	local jfr_file="$OUT/$name.jfr"
	rm -f "$out"
	if $JFR && [ "$jvm" = true ]; then
		# the window opens after connecting (~2 s per 1,000 at 500/s) and the warm-up
		jcmd "$pid" JFR.start name=bench settings=profile delay=$((WARMUP + 3))s duration="${DURATION}s" \
			filename="$jfr_file" >/dev/null 2>&1 || log "JFR could not start"
	fi
	log "$name: generator $*"
	taskset -c 1 java $GENERATOR_JAVA_OPTS -jar "$BENCH_JAR" generate --url="$url" --server-pid="$pid" \
		--server-jvm="$jvm" --warmup="$WARMUP" --duration="$DURATION" --deflate="$DEFLATE" \
		--transport="$TRANSPORT" --out="$out" "$@" >"$LOGS/$name-generator.log" 2>&1 || log "$name: generator failed, see $LOGS/$name-generator.log"
	R=()
	if [ -f "$out" ]; then
		while IFS='=' read -r key value; do
			R[$key]=$value
		done <"$out"
	fi
	if $JFR && [ -f "$jfr_file" ]; then
		summarise_jfr "$jfr_file" >"$OUT/$name-profile.txt" 2>&1 || true
		log "$name: profile summary in $OUT/$name-profile.txt"
	fi
}

summarise_jfr() { # file: top frames and first application frames of the execution samples
	local samples
	samples=$(jfr print --events jdk.ExecutionSample "$1")
	echo "== top frames (self time), share of $(echo "$samples" | grep -c 'jdk.ExecutionSample') samples"
	echo "$samples" | awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print }' |
		sort | uniq -c | sort -rn | head -25
	echo "== first Spring / Tomcat / hub frame from the top (where the time is attributed)"
	echo "$samples" | awk '
		/stackTrace = \[/ { inside = 1; found = 0; next }
		inside && /^[ \t]*\]/ { inside = 0; if (!found) print "(none)"; next }
		inside && !found && /(springframework|apache\.tomcat|apache\.coyote|io\.dronehub|tools\.jackson)/ {
			sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print; found = 1 }' |
		sort | uniq -c | sort -rn | head -25
}

# ---- the table

COLUMNS="scenario,connections,deflate,published/s,delivered/s,p50 ms,p99 ms,p99.9 ms,max ms,lost,reordered,disconnected,server CPU %,server µs/delivery,server RSS MiB,heap after GC MiB,RSS KiB/conn,heap KiB/conn,generator CPU %,valid,notes"
ROWS=()

num() { awk -v v="${1:--1}" -v d="$2" 'BEGIN { if (v < 0) print "n/a"; else printf "%.*f\n", d, v }'; }
mib() { awk -v k="${1:--1}" 'BEGIN { if (k < 0) print "n/a"; else printf "%.0f\n", k / 1024 }'; }
per_conn() { # loaded idle connections
	awk -v a="${1:--1}" -v b="${2:--1}" -v c="$3" 'BEGIN { if (a < 0 || b < 0 || c <= 0) print "n/a"; else printf "%.1f\n", (a - b) / c }'
}

add_row() { # name notes
	local name=$1 notes=${2//,/;}
	if [ -z "${R[delivered]:-}" ]; then
		ROWS+=("$name,n/a,,,,,,,,,,,,,,,,,,FAILED,$notes")
		return
	fi
	local conns=${R[connections_open_at_end]}
	local valid=ok
	if awk -v g="${R[generator_cpu_pct]}" 'BEGIN { exit !(g > 75) }'; then
		valid="INVALID (generator > 75 %)"
	fi
	local deflate=no
	case "${R[deflate_negotiated]}" in 0/*) deflate=no ;; */0) deflate=n/a ;; *) deflate=yes ;; esac
	local errors=${R[errors]:-}
	[ -n "$errors" ] && notes="$notes; errors: ${errors//,/;}"
	notes=${notes#; }
	ROWS+=("$name,$conns/$((R[spectators] + R[stalled])),$deflate,$(num "${R[published_per_s]}" 0),$(num "${R[delivered_per_s]}" 0),${R[p50_ms]},${R[p99_ms]},${R[p999_ms]},${R[max_ms]},${R[lost]},${R[reordered]},${R[disconnected]},$(num "${R[server_cpu_pct]}" 0),$(num "${R[server_cpu_us_per_delivery]}" 2),$(mib "${R[server_rss_kib]}"),$(mib "${R[server_heap_kib]}"),$(per_conn "${R[server_rss_kib]}" "${R[server_rss_idle_kib]}" "$conns"),$(per_conn "${R[server_heap_kib]}" "${R[server_heap_idle_kib]}" "$conns"),$(num "${R[generator_cpu_pct]}" 0),$valid,$notes")
}

write_tables() {
	{
		echo "$COLUMNS"
		printf '%s\n' "${ROWS[@]}"
	} >"$CSV"
	{
		echo "Server pinned to core 0, generator to core 1; ${WARMUP} s warm-up, ${DURATION} s measured;" \
			"clients offer permessage-deflate: $DEFLATE. $(date -u '+%Y-%m-%d %H:%M UTC'), load before start: $LOAD_BEFORE."
		echo
		echo "| ${COLUMNS//,/ | } |"
		echo "|$(echo "$COLUMNS" | awk -F, '{ for (i = 1; i <= NF; i++) printf "---|" }')"
		for row in "${ROWS[@]}"; do
			echo "| ${row//,/ | } |"
		done
	} >"$MD"
}

# ---- scenarios

hub_url() { echo "ws://127.0.0.1:$PORT/ws"; }
credentials=()
[ -n "$LOGIN" ] && credentials+=(--login="$LOGIN")
[ -n "$PASSCODE" ] && credentials+=(--passcode="$PASSCODE")

hub_run() { # name spectators fleet-size rate-hz notes-kind [generator args...] -- [hub args...]
	local name=$1 spectators=$2 size=$3 rate=$4 kind=$5
	shift 5
	local gen_args=() hub_args=()
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do gen_args+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	hub_args=("$@")
	if ! start_hub "$name" "$size" "$rate" ${hub_args[@]+"${hub_args[@]}"}; then
		R=()
		add_row "$name" "hub did not start"
		return
	fi
	[ -z "$HUB_DEFLATE" ] && probe_hub_deflate "$PORT"
	run_generator "$name" "$(hub_url)" "$SERVER_PID" true --spectators="$spectators" --drones="$size" \
		--rate-hz="$rate" ${credentials[@]+"${credentials[@]}"} ${gen_args[@]+"${gen_args[@]}"}
	stop_server
	add_row "$name" "$(notes "$kind")"
}

notes() { # kind
	case "$1" in
		crowd) echo "connected ${R[connections_ready]:-0} in $(num "${R[connect_seconds]:-0}" 1) s ($(num "${R[connect_rate]:-0}" 0)/s); ${R[connections_failed]:-0} failed" ;;
		pilot) echo "pilot ${R[pilot_status]:-?}: round trip p50 ${R[pilot_p50_ms]:-?} ms p99 ${R[pilot_p99_ms]:-?} ms over ${R[pilot_round_trips]:-0} MOVEs (${R[pilot_superseded]:-0} superseded before a tick)" ;;
		slow) echo "healthy spectators only; ${R[stalled]:-0} stalled: ${R[stalled_disconnected]:-0} closed by the server" ;;
		peer) echo "RabbitMQ $RABBIT_VERSION; publisher skipped ${R[publisher_skipped_ticks]:-0} ticks" ;;
		*) echo "" ;;
	esac
}

scenario_fleet() {
	hub_run fleet-1000 "$(scaled 1000)" 10 10 plain
	hub_run fleet-500 "$(scaled 500)" 10 10 plain
}

scenario_fast() {
	hub_run fast-200 "$(scaled 200)" 3 50 plain
}

scenario_crowd() {
	# mostly idle: each spectator watches one drone's topic at 1 Hz
	hub_run crowd-10000 "$(scaled 10000)" 10 1 crowd --destination=/topic/drones/d1/telemetry --connect-rate=1000 \
		-- --server.tomcat.max-connections=20000 --server.tomcat.accept-count=2000
}

scenario_pilot() {
	# the pilot logs in as a user of its own, as it would beside a crowd of spectators
	hub_run pilot-1000 "$(scaled 1000)" 10 10 pilot --pilot=true --pilot-login=bench-pilot --pilot-passcode=bench-pilot
}

scenario_slow() {
	hub_run slow-1000 "$(scaled 1000)" 10 10 slow --stalled="$(scaled 50)"
}

scenario_baseline() {
	if [ -z "$HUB_DEFLATE" ]; then
		log "probing whether the hub negotiates permessage-deflate"
		if start_hub probe 10 10; then
			probe_hub_deflate "$PORT"
			stop_server
		fi
	fi
	log "hub negotiates permessage-deflate: ${HUB_DEFLATE:-unknown}; the floor server does the same"
	local spectators
	for spectators in 1000 500; do
		local name="baseline-$spectators"
		if start_server "$name" "$BENCH_JAR" baseline --baseline.fleet-size=10 --baseline.rate-hz=10 \
			--baseline.deflate="${HUB_DEFLATE:-true}"; then
			run_generator "$name" "$(hub_url)" "$SERVER_PID" true --spectators="$(scaled "$spectators")" \
				--drones=10 --rate-hz=10
			stop_server
		else
			R=()
		fi
		add_row "$name" "floor: pre-encoded frames, no broker"
	done
}

RABBIT_VERSION="?"
scenario_peer() {
	local name="peer-500"
	if ! command -v rabbitmqctl >/dev/null 2>&1 || ! timeout 30 rabbitmqctl -q status >/dev/null 2>&1; then
		log "RabbitMQ is not installed or not running here: skipping peer"
		R=()
		add_row "$name" "RabbitMQ absent: not measured"
		return
	fi
	RABBIT_VERSION=$(timeout 30 rabbitmqctl -q version 2>/dev/null || echo "?")
	if command -v rabbitmq-plugins >/dev/null 2>&1; then
		timeout 60 rabbitmq-plugins -q enable rabbitmq_web_stomp >/dev/null 2>&1 || log "could not enable rabbitmq_web_stomp"
	fi
	for _ in $(seq 1 40); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:15674/ws)" != "000" ] && break
		sleep 0.5
	done
	RABBIT_PID=$(pgrep -o -x beam.smp || true)
	if [ -z "$RABBIT_PID" ]; then
		log "no beam.smp process: skipping peer"
		R=()
		add_row "$name" "RabbitMQ process not found: not measured"
		return
	fi
	# one core, like the hub; a file limit that fits the spectators; both restored or harmless
	RABBIT_AFFINITY=$(taskset -p "$RABBIT_PID" | awk '{ print $NF }')
	taskset -a -p -c 0 "$RABBIT_PID" >/dev/null || log "could not pin RabbitMQ to core 0"
	prlimit --pid "$RABBIT_PID" --nofile=65536:65536 2>/dev/null || log "could not raise RabbitMQ's file limit"
	run_generator "$name" "$RABBIT_URL" "$RABBIT_PID" false --spectators="$(scaled 500)" --publish=true \
		--drones=10 --rate-hz=10 --login=guest --passcode=guest
	taskset -a -p "$RABBIT_AFFINITY" "$RABBIT_PID" >/dev/null 2>&1 || true
	RABBIT_AFFINITY=""
	add_row "$name" "$(notes peer)"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "scenarios: ${SCENARIOS[*]}; load average before: $LOAD_BEFORE"
for scenario in "${SCENARIOS[@]}"; do
	"scenario_$scenario"
	write_tables
done

cat "$MD"
java -jar "$BENCH_JAR" chart --csv="$CSV" --out="$CHART" --caption="$(head -1 "$MD")" ||
	log "could not draw $CHART"
log "wrote $CSV, $MD and $CHART in $(($(date +%s) - STARTED)) s"
