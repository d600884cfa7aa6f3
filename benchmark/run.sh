#!/usr/bin/env bash
# Fan-out benchmark of the hub, side by side with two floor servers and RabbitMQ Web-STOMP.
# Usage: benchmark/run.sh [scenario ...] [options]     (see benchmark/README.md)
#   scenarios: fleet fast crowd rate pilot slow flood foxglove baseline floor-node peer fleet-recorder record export
#                  cluster (default: all, in that order)
#   --duration=S   measured window per run, seconds (default 15)
#   --warmup=S     warm-up after the last connection, seconds (default 10)
#   --record-duration=S --record-warmup=S   the same for the record rows (default 10 and 5,
#                  or --duration and --warmup when those are shorter)
#   --recorder-warmup=S   warm-up of the two fleet-recorder rows (default 300: the JIT compiles
#                  the database's code for about three minutes; see benchmark/README.md)
#   --rate-warmup=S   warm-up of the two rate rows (default 60: after 10 s the JIT still took
#                  1-5 % of the core, more in the throttled row, against the difference measured)
#   --crowd-warmup=S  warm-up of the three crowd rows, the hub's and both floors' (default 60:
#                  after 10 s the JIT still took 7 % of the hub's core, a quarter of its CPU)
#   --recorder-pairs=N    fleet-recorder rows off then on (on then off in even pairs), N
#                  times over (default 1), and the median of the N ratios
#   --scale=F      multiply every spectator count by F (e.g. 0.1 for a smoke run)
#   --no-deflate   clients do not offer permessage-deflate (default: offer it, as browsers do)
#   --login=L --passcode=P   CONNECT credentials for the hub's spectators and pilot
#   --jfr          record a JFR profile of the server in every hub run and summarise it
#   --no-build     use the jars already in */target
#   --transport=T  the generator's sockets: auto (epoll where available), epoll or nio
#   environment: BENCH_PORT (the servers' port, default 18080), SERVER_JAVA_OPTS,
#   GENERATOR_JAVA_OPTS, EXPORT_SERVER_JAVA_OPTS (the export rows' hub, default -Xmx128m),
#   BENCH_PG_HOST, BENCH_PG_PORT, BENCH_PG_USER, BENCH_PG_PASSWORD (127.0.0.1, 5432,
#   postgres, none: the recorder rows' PostgreSQL server, as a user who may create a database)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/benchmark/target"
LOGS="$OUT/logs"
HUB_JAR="$ROOT/backend/target/backend-0.1.0-SNAPSHOT.jar"
BENCH_JAR="$ROOT/benchmark/target/benchmark-0.1.0-SNAPSHOT.jar"
PORT=${BENCH_PORT:-18080}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
GENERATOR_JAVA_OPTS=${GENERATOR_JAVA_OPTS:--Xms1g -Xmx1g}
EXPORT_SERVER_JAVA_OPTS=${EXPORT_SERVER_JAVA_OPTS:--Xmx128m}
RABBIT_URL=ws://127.0.0.1:15674/ws
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_PASSWORD=${BENCH_PG_PASSWORD:-}
# created afresh for each PostgreSQL row and dropped after it
PG_DATABASE=bench_recorder

DURATION=15
WARMUP=10
RECORD_DURATION=""
RECORD_WARMUP=""
RECORDER_WARMUP=300
RATE_WARMUP=60
CROWD_WARMUP=60
RECORDER_PAIRS=1
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
		--record-duration=*) RECORD_DURATION=${arg#*=} ;;
		--record-warmup=*) RECORD_WARMUP=${arg#*=} ;;
		--recorder-warmup=*) RECORDER_WARMUP=${arg#*=} ;;
		--rate-warmup=*) RATE_WARMUP=${arg#*=} ;;
		--crowd-warmup=*) CROWD_WARMUP=${arg#*=} ;;
		--recorder-pairs=*) RECORDER_PAIRS=${arg#*=} ;;
		--scale=*) SCALE=${arg#*=} ;;
		--no-deflate) DEFLATE=false ;;
		--login=*) LOGIN=${arg#*=} ;;
		--passcode=*) PASSCODE=${arg#*=} ;;
		--jfr) JFR=true ;;
		--no-build) BUILD=false ;;
		fleet | fast | crowd | rate | pilot | slow | flood | foxglove | baseline | floor-node | peer | fleet-recorder | record | export | cluster) SCENARIOS+=("$arg") ;;
		--transport=*) TRANSPORT=${arg#*=} ;;
		-h | --help) sed -n '2,23p' "$0"; exit 0 ;;
		*) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
	esac
done
[ ${#SCENARIOS[@]} -eq 0 ] && SCENARIOS=(fleet fast crowd rate pilot slow flood foxglove baseline floor-node peer fleet-recorder record export cluster)
smaller() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b) ? a : b }'; }
# the record rows are shortened to keep the whole run near its budget, unless told otherwise
RECORD_DURATION=${RECORD_DURATION:-$(smaller "$DURATION" 10)}
RECORD_WARMUP=${RECORD_WARMUP:-$(smaller "$WARMUP" 5)}

mkdir -p "$LOGS"
STARTED=$(date +%s)
CSV="$OUT/results.csv"
MD="$OUT/results.md"
CHART="$OUT/results.html"
REC_CSV="$OUT/results-recorder.csv"
EXPORT_CSV="$OUT/results-export.csv"
rm -f "$REC_CSV" "$EXPORT_CSV"
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

# The Node floor server's packages, exactly as its lock file pins them (a fresh machine has none);
# with --no-build only when they are missing.
NODE_FLOOR="$ROOT/benchmark/node-floor"
case " ${SCENARIOS[*]} " in
	*" floor-node "*)
		if command -v npm >/dev/null 2>&1 && { $BUILD || [ ! -d "$NODE_FLOOR/node_modules/ws" ]; }; then
			log "installing the Node floor server's packages (npm ci)"
			(cd "$NODE_FLOOR" && npm ci --no-audit --no-fund --loglevel=error) >"$LOGS/npm-ci-node-floor.log" 2>&1 ||
				log "npm ci failed in $NODE_FLOOR, see $LOGS/npm-ci-node-floor.log"
		fi
		;;
esac

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
	start_process "$name" java $SERVER_JAVA_OPTS -jar "$jar" "$@" --server.port="$PORT"
}

start_process() { # name command...: the server on core 0, its process id in SERVER_PID
	local name=$1
	shift
	# a server already on the port (another run, another checkout) would be measured instead
	if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/")" != "000" ]; then
		log "port $PORT is taken by another process: $name not run (set BENCH_PORT to use another)"
		return 1
	fi
	# taskset execs the command, so $! is the server's own process id (the JVM's, node's)
	taskset -c 0 "$@" >"$LOGS/$name-server.log" 2>&1 &
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
# user of its own and lift the session and handshake limits that 10,000 loopback connections
# would hit; an
# admin reads the recorder's meters from /actuator/prometheus.
HUB_BENCH_ARGS=(--hub.security.users.bench.password='{noop}bench' --hub.security.users.bench.roles=PILOT
	--hub.security.users.bench-pilot.password='{noop}bench-pilot' --hub.security.users.bench-pilot.roles=PILOT
	--hub.security.users.bench-admin.password='{noop}bench-admin' --hub.security.users.bench-admin.roles=ADMIN
	--hub.security.limits.sessions-per-user=20000 --hub.security.limits.sessions-per-address=20000)
# every row but the flood, which measures the limits, lifts the handshake limits
HUB_HANDSHAKE_LIFT=(--hub.security.limits.handshakes-per-second=100000 --hub.security.limits.handshake-burst=100000)
HUB_DEFAULT_LIMITS=false
# The flight recorder's database: an H2 file of each row's own under benchmark/target/data,
# which every run of the script starts afresh, unless the row names another.
rm -rf "$OUT/data"

start_hub() { # name fleet-size rate-hz [extra args]
	local name=$1 size=$2 rate=$3
	shift 3
	local database=(--spring.datasource.url="jdbc:h2:file:$OUT/data/$name")
	case " $* " in *" --spring.datasource.url="*) database=() ;; esac
	local limits=("${HUB_HANDSHAKE_LIFT[@]}")
	$HUB_DEFAULT_LIMITS && limits=()
	start_server "$name" "$HUB_JAR" --hub.fleet.size="$size" --hub.simulation.rate-hz="$rate" \
		"${HUB_BENCH_ARGS[@]}" ${limits[@]+"${limits[@]}"} ${database[@]+"${database[@]}"} "$@"
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
read_results() { # file of name=value lines, into R (emptied first)
	R=()
	if [ -f "$1" ]; then
		while IFS='=' read -r key value; do
			R[$key]=$value
		done <"$1"
	fi
}

ROW_WARMUP=""
ROW_DURATION=""
run_generator() { # name url server-pid server-jvm(true|false) generator-args...
	local name=$1 url=$2 pid=$3 jvm=$4
	shift 4
	local out="$OUT/$name.properties"
	local jfr_file="$OUT/$name.jfr"
	local warmup=${ROW_WARMUP:-$WARMUP} duration=${ROW_DURATION:-$DURATION}
	rm -f "$out"
	if $JFR && [ "$jvm" = true ]; then
		# the window opens after connecting (~2 s per 1,000 at 500/s) and the warm-up
		jcmd "$pid" JFR.start name=bench settings=profile delay=$((warmup + 3))s duration="${duration}s" \
			filename="$jfr_file" >/dev/null 2>&1 || log "JFR could not start"
	fi
	log "$name: generator $*"
	taskset -c 1 java $GENERATOR_JAVA_OPTS -jar "$BENCH_JAR" generate --url="$url" --server-pid="$pid" \
		--server-jvm="$jvm" --warmup="$warmup" --duration="$duration" --deflate="$DEFLATE" \
		--transport="$TRANSPORT" --out="$out" "$@" >"$LOGS/$name-generator.log" 2>&1 || log "$name: generator failed, see $LOGS/$name-generator.log"
	read_results "$out"
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

COLUMNS="scenario,connections,deflate,published/s,delivered/s,p50 ms,p99 ms,p99.9 ms,max ms,lost,reordered,disconnected,server CPU %,server JIT CPU %,server kernel CPU %,server µs/delivery,server RSS MiB,heap after GC MiB,RSS KiB/conn,heap KiB/conn,generator CPU %,valid,notes"
ROWS=()
FOXGLOVE_LINES=()
RATE_LINES=()

num() { awk -v v="${1:--1}" -v d="$2" 'BEGIN { if (v < 0) print "n/a"; else printf "%.*f\n", d, v }'; }
mib() { awk -v k="${1:--1}" 'BEGIN { if (k < 0) print "n/a"; else printf "%.0f\n", k / 1024 }'; }
per_conn() { # loaded idle connections
	awk -v a="${1:--1}" -v b="${2:--1}" -v c="$3" 'BEGIN { if (a < 0 || b < 0 || c <= 0) print "n/a"; else printf "%.1f\n", (a - b) / c }'
}

add_row() { # name notes
	local name=$1 notes=${2//,/;}
	if [ -z "${R[delivered]:-}" ]; then
		ROWS+=("$name,n/a,,,,,,,,,,,,,,,,,,,,FAILED,$notes")
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
	ROWS+=("$name,$conns/$((R[spectators] + R[stalled] + ${R[throttled]:-0})),$deflate,$(num "${R[published_per_s]}" 0),$(num "${R[delivered_per_s]}" 0),${R[p50_ms]},${R[p99_ms]},${R[p999_ms]},${R[max_ms]},${R[lost]},${R[reordered]},${R[disconnected]},$(num "${R[server_cpu_pct]}" 0),$(num "${R[server_jit_cpu_pct]:-}" 0),$(num "${R[server_kernel_cpu_pct]:-}" 0),$(num "${R[server_cpu_us_per_delivery]}" 2),$(mib "${R[server_rss_kib]}"),$(mib "${R[server_heap_kib]}"),$(per_conn "${R[server_rss_kib]}" "${R[server_rss_idle_kib]}" "$conns"),$(per_conn "${R[server_heap_kib]}" "${R[server_heap_idle_kib]}" "$conns"),$(num "${R[generator_cpu_pct]}" 0),$valid,$notes")
}

md_table() { # columns rows...: a Markdown table
	local columns=$1 row
	shift
	echo "| ${columns//,/ | } |"
	echo "|$(echo "$columns" | awk -F, '{ for (i = 1; i <= NF; i++) printf "---|" }')"
	for row in "$@"; do
		echo "| ${row//,/ | } |"
	done
}

write_tables() {
	{
		echo "$COLUMNS"
		printf '%s\n' ${ROWS[@]+"${ROWS[@]}"}
	} >"$CSV"
	{
		echo "Server pinned to core 0, generator to core 1; ${WARMUP} s warm-up, ${DURATION} s measured;" \
			"clients offer permessage-deflate: $DEFLATE. $(date -u '+%Y-%m-%d %H:%M UTC'), load before start: $LOAD_BEFORE."
		echo
		md_table "$COLUMNS" ${ROWS[@]+"${ROWS[@]}"}
		if [ ${#REC_ROWS[@]} -gt 0 ]; then
			echo
			echo "Flight recorder: every drone flying (ACQUIRE, ARM, TAKEOFF, then GOTO round a square), the" \
				"recorder's meters read from /actuator/prometheus at both ends of the window; fleet-recorder rows" \
				"${RECORDER_WARMUP} s warm-up and ${DURATION} s measured, record rows ${RECORD_WARMUP} s warm-up and" \
				"${RECORD_DURATION} s measured."
			echo
			md_table "$REC_COLUMNS" "${REC_ROWS[@]}"
			if [ ${#REC_VERDICTS[@]} -gt 0 ]; then
				echo
				printf '%s\n' "${REC_VERDICTS[@]}"
			fi
		fi
		if [ ${#FOXGLOVE_LINES[@]} -gt 0 ]; then
			echo
			printf '%s\n' "${FOXGLOVE_LINES[@]}"
		fi
		if [ ${#RATE_LINES[@]} -gt 0 ]; then
			echo
			printf '%s\n' "${RATE_LINES[@]}"
		fi
		if [ ${#CLUSTER_LINES[@]} -gt 0 ]; then
			echo
			printf '%s\n' "${CLUSTER_LINES[@]}"
		fi
		if [ ${#EXPORT_ROWS[@]} -gt 0 ]; then
			echo
			echo "Export: flights of $EXPORT_SMALL and $EXPORT_LARGE states (6 min and 1 h at 10 Hz) written into the" \
				"recorder's tables by the benchmark's seed program, streamed by a hub run with" \
				"'${EXPORT_SERVER_JAVA_OPTS}'; rates are of the $EXPORT_LARGE-state flight, heap after a full GC."
			echo
			md_table "$EXPORT_COLUMNS" "${EXPORT_ROWS[@]}"
		fi
	} >"$MD"
	if [ ${#REC_ROWS[@]} -gt 0 ]; then
		{
			echo "$REC_COLUMNS"
			printf '%s\n' "${REC_ROWS[@]}"
		} >"$REC_CSV"
	fi
	if [ ${#EXPORT_ROWS[@]} -gt 0 ]; then
		{
			echo "$EXPORT_COLUMNS"
			printf '%s\n' "${EXPORT_ROWS[@]}"
		} >"$EXPORT_CSV"
	fi
}

# ---- the flight recorder's tables

EXPORT_SMALL=3600
EXPORT_LARGE=36000
REC_COLUMNS="scenario,database,drones × Hz,armed at start/end,published/s,states written/s,dropped in window,dropped since start,queued at end,queue max before → end of window,writes/s,write ms mean,write ms p99,write ms max,spectator p99 ms,server CPU %,generator CPU %,keeps up,notes"
REC_ROWS=()
REC_VERDICTS=()
EXPORT_COLUMNS="scenario,database,format,flight states,MB,first byte ms,seconds,states/s,MB/s,hub max heap MiB,heap idle MiB,heap mid-export MiB ($EXPORT_SMALL / $EXPORT_LARGE states),notes"
EXPORT_ROWS=()

mib1() { awk -v k="${1:--1}" 'BEGIN { if (k < 0) print "n/a"; else printf "%.1f\n", k / 1024 }'; }

add_recorder_row() { # name database fleet-size rate-hz [notes]: from R
	local name=$1 database=$2 size=$3 rate=$4 notes=${5:-}
	notes=${notes//,/;}
	if [ "${R[recorder]:-}" != on ]; then
		[ -z "$notes" ] && notes="no recorder meters read: see $LOGS/$name-generator.log"
		REC_ROWS+=("$name,$database,$size × $rate,n/a,,,,,,,,,,,,,,FAILED,$notes")
		return
	fi
	local keeps=yes
	if [ "${R[fly_armed_start]:-0}" != "$size" ] || [ "${R[fly_armed_end]:-0}" != "$size" ]; then
		keeps="n/a: not every drone flew through the window"
	elif [ "${R[recorder_dropped_since_start]}" != 0 ]; then
		keeps="NO: ${R[recorder_dropped_since_start]} dropped"
	elif [ "${R[recorder_queued_end]}" -gt "$rate" ]; then
		keeps="NO: ${R[recorder_queued_end]} ticks still queued at the end"
	elif awk -v w="${R[recorder_states_per_s]}" -v p="${R[published_per_s]}" 'BEGIN { exit !(w < 0.95 * p) }'; then
		keeps="NO: fewer written than published"
	fi
	[ "${R[fly_status]:-flying}" != flying ] && notes="$notes; ${R[fly_status]//,/;}"
	local errors=${R[errors]:-}
	[ -n "$errors" ] && notes="$notes; errors: ${errors//,/;}"
	notes=${notes#; }
	REC_ROWS+=("$name,$database,$size × $rate,${R[fly_armed_start]:-?}/${R[fly_armed_end]:-?},$(num "${R[published_per_s]}" 0),$(num "${R[recorder_states_per_s]}" 0),${R[recorder_states_dropped]},${R[recorder_dropped_since_start]},${R[recorder_queued_end]},${R[recorder_queued_max_before]} → ${R[recorder_queued_max]},$(num "${R[recorder_writes_per_s]}" 1),$(num "${R[recorder_write_mean_ms]}" 2),$(num "${R[recorder_write_p99_ms]}" 2),$(num "${R[recorder_write_max_ms]}" 2),${R[p99_ms]:-n/a},$(num "${R[server_cpu_pct]}" 0),$(num "${R[generator_cpu_pct]}" 0),$keeps,$notes")
}

add_export_rows() { # name database [notes]: from R
	local name=$1 database=$2 notes=${3:-} format
	local errors=${R[errors]:-}
	[ -n "$errors" ] && notes="$notes; errors: $errors"
	notes=${notes#; }
	notes=${notes//,/;}
	for format in ndjson csv mcap; do
		local key="${format}_${EXPORT_LARGE}_"
		if [ -z "${R[${key}bytes]:-}" ]; then
			EXPORT_ROWS+=("$name-$format,$database,$format,$EXPORT_LARGE,n/a,,,,,,,,${notes:-FAILED}")
			continue
		fi
		EXPORT_ROWS+=("$name-$format,$database,$format,$EXPORT_LARGE,$(awk -v b="${R[${key}bytes]}" 'BEGIN { printf "%.1f", b / 1e6 }'),$(num "${R[${key}first_byte_ms]}" 0),$(num "${R[${key}seconds]}" 2),$(num "${R[${key}states_per_s]}" 0),$(num "${R[${key}mb_per_s]}" 1),$(mib "${R[server_heap_max_kib]}"),$(mib1 "${R[heap_idle_kib]}"),$(mib1 "${R[${format}_${EXPORT_SMALL}_heap_mid_kib]}") / $(mib1 "${R[${key}heap_mid_kib]}"),$notes")
	done
}

# ---- scenarios

HUB_PATH=/ws
hub_url() { echo "ws://127.0.0.1:$PORT$HUB_PATH"; }
credentials=()
[ -n "$LOGIN" ] && credentials+=(--login="$LOGIN")
[ -n "$PASSCODE" ] && credentials+=(--passcode="$PASSCODE")

hub_run() { # name spectators fleet-size rate-hz notes-kind [generator args...] -- [hub args...]
	local name=$1 kind=$5
	if hub_measure "$@"; then
		add_row "$name" "$(notes "$kind")"
	else
		add_row "$name" "hub did not start"
	fi
}

hub_measure() { # name spectators fleet-size rate-hz notes-kind [generator args...] -- [hub args...]: into R
	local name=$1 spectators=$2 size=$3 rate=$4
	shift 5
	local gen_args=() hub_args=()
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do gen_args+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	hub_args=("$@")
	R=()
	if ! start_hub "$name" "$size" "$rate" ${hub_args[@]+"${hub_args[@]}"}; then
		return 1
	fi
	[ -z "$HUB_DEFLATE" ] && probe_hub_deflate "$PORT"
	run_generator "$name" "$(hub_url)" "$SERVER_PID" true --spectators="$spectators" --drones="$size" \
		--rate-hz="$rate" ${credentials[@]+"${credentials[@]}"} ${gen_args[@]+"${gen_args[@]}"}
	stop_server
}

notes() { # kind
	case "$1" in
		crowd) echo "connected ${R[connections_ready]:-0} in $(num "${R[connect_seconds]:-0}" 1) s ($(num "${R[connect_rate]:-0}" 0)/s); ${R[connections_failed]:-0} failed" ;;
		pilot) echo "pilot ${R[pilot_status]:-?}: round trip p50 ${R[pilot_p50_ms]:-?} ms p99 ${R[pilot_p99_ms]:-?} ms over ${R[pilot_round_trips]:-0} MOVEs (${R[pilot_superseded]:-0} superseded before a tick)" ;;
		flood) echo "${R[flood_parallel]:-0} threads flooding logins from one address: $(num "${R[flood_attempts_per_s]:-0}" 0) attempts/s (${R[flood_outcomes]:-none}); ${R[logins_checked]:-?} passwords checked; ${R[handshakes_limited]:-?} handshakes refused (429); simulation skipped ${R[simulation_skipped_ticks]:-?} ticks" ;;
		rate) echo "beside them $(scaled 1000) at rate-hz ${R[throttled_rate_hz]:-?}: $(num "${R[throttled_delivered_per_s]:-0}" 0) delivered/s; ${R[throttled_lost]:-?} lost; ${R[throttled_reordered]:-?} reordered; ${R[throttled_disconnected]:-?} disconnected; arrivals ${R[throttled_spacing_min_ticks]:-?}-${R[throttled_spacing_max_ticks]:-?} ticks apart; jitter p50 / p99 / max ${R[throttled_jitter_p50_ms]:-?} / ${R[throttled_jitter_p99_ms]:-?} / ${R[throttled_jitter_max_ms]:-?} ms; ${R[throttled_overstated_skips]:-?} skipped headers beyond the gap; p99 ${R[throttled_p99_ms]:-?} ms" ;;
		slow) echo "healthy spectators only; ${R[stalled]:-0} stalled: ${R[stalled_disconnected]:-0} closed by the server" ;;
		peer) echo "RabbitMQ $RABBIT_VERSION; publisher skipped ${R[publisher_skipped_ticks]:-0} ticks" ;;
		fly) fly_notes ;;
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
	ROW_WARMUP=$CROWD_WARMUP
	hub_run crowd-10000 "$(scaled 10000)" 10 1 crowd --destination=/topic/drones/d1/telemetry --connect-rate=1000 \
		-- --server.tomcat.max-connections=20000 --server.tomcat.accept-count=2000
	ROW_WARMUP=""
}

scenario_pilot() {
	# the pilot logs in as a user of its own, as it would beside a crowd of spectators
	hub_run pilot-1000 "$(scaled 1000)" 10 10 pilot --pilot=true --pilot-login=bench-pilot --pilot-passcode=bench-pilot
}

scenario_flood() {
	# 50 threads on the generator's core log in with a wrong password from one address as
	# fast as the hub answers, while spectators watch one drone, with the hub's default
	# limits; the flood's attempts, the passwords checked and the simulation's skipped
	# ticks are read over the window
	local flood=(--destination=/topic/drones/d1/telemetry --flood=50
		--metrics-url="http://127.0.0.1:$PORT/actuator/prometheus" --metrics-login=bench-admin --metrics-passcode=bench-admin)
	HUB_DEFAULT_LIMITS=true
	hub_run flood-50 10 10 10 flood "${flood[@]}"
	HUB_DEFAULT_LIMITS=false
	# the same flood against a hub without the limits: what they save
	hub_run flood-50-unlimited 10 10 10 flood "${flood[@]}" -- --hub.security.logins.free-failures=1000000 \
		--hub.security.logins.user-free-failures=1000000 --hub.security.logins.address-free-failures=1000000
}

scenario_foxglove() {
	# 500 spectators over the Foxglove WebSocket protocol, each subscribed to every drone's
	# telemetry channel, beside the same 500 over STOMP in the same run
	hub_run foxglove-stomp-500 "$(scaled 500)" 10 10 plain
	local stomp_cpu=${R[server_cpu_us_per_delivery]:-} stomp_p99=${R[p99_ms]:-}
	HUB_PATH=/foxglove
	hub_run foxglove-500 "$(scaled 500)" 10 10 plain --foxglove=true
	HUB_PATH=/ws
	FOXGLOVE_LINES+=("$(awk -v sc="$stomp_cpu" -v sp="$stomp_p99" -v fc="${R[server_cpu_us_per_delivery]:-}" \
		-v fp="${R[p99_ms]:-}" 'BEGIN {
			if (sc <= 0 || fc <= 0 || sp <= 0) { print "foxglove: no ratio (a row failed)"; exit }
			c = fc / sc; p = fp / sp
			verdict = (c <= 1.2 && p <= 1.2) ? "within" : "beyond"
			printf "foxglove-500 against foxglove-stomp-500: server CPU per delivery %.2fx (%.2f against %.2f µs), p99 %.2fx (%s against %s ms): %s the 1.2x target.\n", c, fc, sc, p, fp, sp, verdict }')")
}

scenario_rate() {
	# 1,000 spectators of the whole fleet asking for rate-hz 1 beside 50 taking every tick
	# (10,000 and 5,000 deliveries a second), against 150 taking every tick (15,000), in the
	# same run: a throttled delivery should cost no more than an unthrottled one
	ROW_WARMUP=$RATE_WARMUP
	hub_run rate-unthrottled-150 "$(scaled 150)" 10 10 plain
	local plain_cpu=${R[server_cpu_us_per_delivery]:-} plain_nojit=${R[server_cpu_us_per_delivery_without_jit]:-}
	hub_run rate-1000 "$(scaled 50)" 10 10 rate --throttled="$(scaled 1000)" --throttled-rate-hz=1
	ROW_WARMUP=""
	RATE_LINES+=("$(awk -v pc="$plain_cpu" -v rc="${R[server_cpu_us_per_delivery]:-}" -v pn="$plain_nojit" \
		-v rn="${R[server_cpu_us_per_delivery_without_jit]:-}" -v jitter="${R[throttled_jitter_max_ms]:-}" \
		-v lost="${R[throttled_lost]:-}" 'BEGIN {
			if (pc <= 0 || rc <= 0 || jitter == "") { print "rate: no ratio (a row failed)"; exit }
			c = rc / pc
			printf "rate-1000 against rate-unthrottled-150: server CPU per delivery %.2fx (%.2f against %.2f µs; %.2fx without the JIT threads): %s the 1.2x target; the throttled arrivals came at most %d ms off their 1 s period (a tick is 100 ms): %s; %d lost.\n", c, rc, pc, (pn > 0) ? rn / pn : 0, (c <= 1.2) ? "within" : "beyond", jitter, (jitter <= 100) ? "within one tick" : "beyond one tick", lost }')")
}

scenario_slow() {
	hub_run slow-1000 "$(scaled 1000)" 10 10 slow --stalled="$(scaled 50)"
}

# The floor servers negotiate permessage-deflate as the hub does: ask a hub, unless a hub row
# already has.
floor_deflate() {
	if [ -z "$HUB_DEFLATE" ]; then
		log "probing whether the hub negotiates permessage-deflate"
		if start_hub probe 10 10; then
			probe_hub_deflate "$PORT"
			stop_server
		fi
	fi
	log "hub negotiates permessage-deflate: ${HUB_DEFLATE:-unknown}; the floor server does the same"
}

# One floor row: starts the server with the command before "--", runs the generator with the rest.
floor_run() { # name server-jvm(true|false) notes notes-kind start-command... -- generator-args...
	local name=$1 jvm=$2 notes=$3 kind=$4 start=()
	shift 4
	while [ "$1" != "--" ]; do start+=("$1"); shift; done
	shift
	R=()
	if "${start[@]}"; then
		run_generator "$name" "$(hub_url)" "$SERVER_PID" "$jvm" "$@"
		stop_server
		notes="$notes; $(notes "$kind")"
	fi
	add_row "$name" "${notes%; }"
}

scenario_baseline() {
	floor_deflate
	local spectators
	for spectators in 1000 500; do
		floor_run "baseline-$spectators" true "floor: pre-encoded frames, no broker" plain \
			start_server "baseline-$spectators" "$BENCH_JAR" baseline --baseline.fleet-size=10 --baseline.rate-hz=10 \
			--baseline.deflate="${HUB_DEFLATE:-true}" -- --spectators="$(scaled "$spectators")" --drones=10 --rate-hz=10
	done
	# as scenario_crowd: one drone's topic each at 1 Hz, connecting at up to 1,000/s
	ROW_WARMUP=$CROWD_WARMUP
	floor_run baseline-crowd-10000 true "floor: pre-encoded frames, no broker" crowd \
		start_server baseline-crowd-10000 "$BENCH_JAR" baseline --baseline.fleet-size=10 --baseline.rate-hz=1 \
		--baseline.deflate="${HUB_DEFLATE:-true}" --server.tomcat.max-connections=20000 --server.tomcat.accept-count=2000 -- \
		--spectators="$(scaled 10000)" --drones=10 --rate-hz=1 --destination=/topic/drones/d1/telemetry --connect-rate=1000
	ROW_WARMUP=""
}

# The Node floor server (benchmark/node-floor, ws), measured as the Java floor is, and with the
# crowd's load: node itself on core 0, so the CPU and RSS read are its own.
scenario_floor_node() {
	local rows=(floor-node-1000 floor-node-500 floor-node-crowd-10000) name spectators
	if ! command -v node >/dev/null 2>&1 || [ ! -f "$NODE_FLOOR/node_modules/ws/package.json" ]; then
		log "node or the Node floor's packages are missing: skipping floor-node"
		for name in "${rows[@]}"; do
			R=()
			add_row "$name" "node or $NODE_FLOOR/node_modules (npm ci) absent: not measured"
		done
		return
	fi
	floor_deflate
	local floor="Node $(node --version) ws $(node -p "require('$NODE_FLOOR/node_modules/ws/package.json').version")"
	for spectators in 1000 500; do
		floor_run "floor-node-$spectators" false "$floor: pre-encoded frames, no broker" plain \
			start_node_floor "floor-node-$spectators" 10 10 -- --spectators="$(scaled "$spectators")" --drones=10 --rate-hz=10
	done
	# as scenario_crowd: one drone's topic each at 1 Hz, connecting at up to 1,000/s
	ROW_WARMUP=$CROWD_WARMUP
	floor_run floor-node-crowd-10000 false "$floor" crowd start_node_floor floor-node-crowd-10000 10 1 -- \
		--spectators="$(scaled 10000)" --drones=10 --rate-hz=1 --destination=/topic/drones/d1/telemetry --connect-rate=1000
	ROW_WARMUP=""
}

start_node_floor() { # name fleet-size rate-hz
	start_process "$1" node "$NODE_FLOOR/floor.mjs" --port="$PORT" --fleet-size="$2" --rate-hz="$3" \
		--deflate="${HUB_DEFLATE:-true}"
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

# ---- the flight recorder's scenarios

# Every drone flies (ACQUIRE, ARM, TAKEOFF, then GOTO round a square near home) so that there
# are flights to record; a battery that lasts 10 h hovering keeps them in the air for any
# --duration (the default 20 min would force a return to launch after about 14 min of
# cruising). The write latency is published as a histogram, so that the generator can work
# out its percentiles over the window.
FLY_HUB_ARGS=(--hub.flight.battery.hover-endurance=10h
	--management.metrics.distribution.percentiles-histogram.hub.recorder.write.latency=true
	--management.metrics.distribution.minimum-expected-value.hub.recorder.write.latency=100us)
FLY_GENERATOR_ARGS=(--fly=true --pilot-login=bench-pilot --pilot-passcode=bench-pilot
	--metrics-url="http://127.0.0.1:$PORT/actuator/prometheus" --metrics-login=bench-admin --metrics-passcode=bench-admin)
PG_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DATABASE"
PG_HUB_ARGS=(--spring.datasource.url="$PG_URL" --spring.datasource.username="$PG_USER"
	--spring.datasource.password="$PG_PASSWORD")
PG_ABSENT="PostgreSQL at $PG_HOST:$PG_PORT did not answer (or psql is missing): not measured"

fly_notes() {
	local notes="${R[fly_armed_start]:-?} of ${R[fly_drones]:-?} drones armed at the window's start and ${R[fly_armed_end]:-?} at its end (${R[fly_legs]:-0} GOTO legs); recorder ${R[recorder]:-?}"
	[ "${R[fly_status]:-flying}" != flying ] && notes="$notes; ${R[fly_status]}"
	echo "$notes"
}

psql_admin() { # psql arguments: on the server's postgres database, output to the log
	command -v psql >/dev/null 2>&1 || return 1
	PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=5 PGOPTIONS='-c client_min_messages=warning' \
		psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@" \
		>>"$LOGS/postgres.log" 2>&1
}

postgres_create() { # an empty database for one row, or false when the server does not answer
	psql_admin -c "DROP DATABASE IF EXISTS $PG_DATABASE" -c "CREATE DATABASE $PG_DATABASE"
}

postgres_drop() {
	psql_admin -c "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)" || log "could not drop $PG_DATABASE, see $LOGS/postgres.log"
}

# The fleet scenario at 500 spectators with every drone flying, without and with the recorder
# (H2): the only difference between the two rows is the recorder. With --recorder-pairs=N the
# pair runs N times, off then on in odd pairs and on then off in even ones (so that a drift of
# the machine over the run does not favour either side), and the median of the N ratios is the
# verdict: two runs of one row here differ by more than the 10 % the target allows.
scenario_fleet_recorder() {
	local spectators pair suffix side order ratios=()
	local -A off=() on=()
	spectators=$(scaled 500)
	ROW_WARMUP=$RECORDER_WARMUP
	for ((pair = 1; pair <= RECORDER_PAIRS; pair++)); do
		suffix=""
		[ "$RECORDER_PAIRS" -gt 1 ] && suffix="-$pair"
		order="off on"
		[ $((pair % 2)) -eq 0 ] && order="on off"
		for side in $order; do
			if [ "$side" = off ]; then
				hub_run "fleet-recorder-off-500$suffix" "$spectators" 10 10 fly "${FLY_GENERATOR_ARGS[@]}" -- \
					"${FLY_HUB_ARGS[@]}" --hub.recorder.enabled=false
				off=([us]="${R[server_cpu_us_per_delivery]:-}" [nojit]="${R[server_cpu_us_per_delivery_without_jit]:-}"
					[p99]="${R[p99_ms]:-}" [threads]="${R[server_threads_cpu_pct]:-}")
			else
				hub_run "fleet-recorder-h2-500$suffix" "$spectators" 10 10 fly "${FLY_GENERATOR_ARGS[@]}" -- \
					"${FLY_HUB_ARGS[@]}"
				add_recorder_row "fleet-recorder-h2-500$suffix" H2 10 10
				on=([us]="${R[server_cpu_us_per_delivery]:-}" [nojit]="${R[server_cpu_us_per_delivery_without_jit]:-}"
					[p99]="${R[p99_ms]:-}" [threads]="${R[server_threads_cpu_pct]:-}")
			fi
		done
		if [ -n "${off[us]}" ] && [ -n "${on[us]}" ]; then
			REC_VERDICTS+=("$(awk -v on_us="${on[us]}" -v off_us="${off[us]}" \
				-v on_nojit="${on[nojit]}" -v off_nojit="${off[nojit]}" \
				-v on_p99="${on[p99]}" -v off_p99="${off[p99]}" -v pair="$suffix" -v order="$order" \
				-v on_threads="${on[threads]}" -v off_threads="${off[threads]}" 'BEGIN {
					cpu = (off_us > 0) ? on_us / off_us : 0
					nojit = (off_nojit > 0) ? on_nojit / off_nojit : 0
					p99 = (off_p99 > 0) ? on_p99 / off_p99 : 0
					verdict = (cpu > 0 && cpu <= 1.10 && p99 > 0 && p99 <= 1.10) ? "within" : "NOT within"
					sub(/ /, " then ", order)
					printf "fleet-recorder%s (%s), recorder on (H2) against off, drones flying: server CPU per delivery %.2f against %.2f µs (%.2fx; without the JIT compiler threads %.2f against %.2f µs, %.2fx), p99 %d against %d ms (%.2fx): %s the 1.10x target in this pair. Server CPU %% by thread, on: %s; off: %s.\n",
						pair, order, on_us, off_us, cpu, on_nojit, off_nojit, nojit, on_p99, off_p99, p99, verdict, on_threads, off_threads }')")
			ratios+=("$(awk -v on_us="${on[us]}" -v off_us="${off[us]}" -v on_p99="${on[p99]}" \
				-v off_p99="${off[p99]}" 'BEGIN { printf "%.4f %.4f", (off_us > 0) ? on_us / off_us : 0, (off_p99 > 0) ? on_p99 / off_p99 : 0 }')")
		else
			REC_VERDICTS+=("fleet-recorder$suffix: one of the two rows failed, no ratio.")
		fi
	done
	ROW_WARMUP=""
	if [ "$RECORDER_PAIRS" -gt 1 ] && [ ${#ratios[@]} -gt 0 ]; then
		REC_VERDICTS+=("$(printf '%s\n' "${ratios[@]}" | awk '{ cpu[NR] = $1; p99[NR] = $2 }
			function median(values, n,   i, j, t) {
				for (i = 2; i <= n; i++) for (j = i; j > 1 && values[j - 1] > values[j]; j--) { t = values[j]; values[j] = values[j - 1]; values[j - 1] = t }
				return (n % 2) ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
			}
			END {
				n = NR; c = median(cpu, n); p = median(p99, n)
				verdict = (c <= 1.10 && p <= 1.10) ? "within" : "NOT within"
				printf "fleet-recorder over %d pairs: median ratio of server CPU per delivery %.2fx, of p99 %.2fx: %s the 1.10x target.\n", n, c, p, verdict }')")
	fi
}

# 10 drones x 50 Hz, every one flying, 10 spectators, into H2 and into PostgreSQL.
scenario_record() {
	ROW_WARMUP=$RECORD_WARMUP
	ROW_DURATION=$RECORD_DURATION
	hub_measure record-h2 10 10 50 fly "${FLY_GENERATOR_ARGS[@]}" -- "${FLY_HUB_ARGS[@]}" || true
	add_recorder_row record-h2 H2 10 50
	if postgres_create; then
		hub_measure record-postgres 10 10 50 fly "${FLY_GENERATOR_ARGS[@]}" -- "${FLY_HUB_ARGS[@]}" \
			"${PG_HUB_ARGS[@]}" || true
		postgres_drop
		add_recorder_row record-postgres PostgreSQL 10 50
	else
		R=()
		add_recorder_row record-postgres PostgreSQL 10 50 "$PG_ABSENT"
	fi
	ROW_WARMUP=""
	ROW_DURATION=""
}

# A one-hour flight (and one of 6 minutes) streamed out of H2 and out of PostgreSQL.
scenario_export() {
	export_run export-h2 H2 "jdbc:h2:file:$OUT/data/export-h2" sa "" --spring.datasource.url="jdbc:h2:file:$OUT/data/export-h2"
	if postgres_create; then
		export_run export-postgres PostgreSQL "$PG_URL" "$PG_USER" "$PG_PASSWORD" "${PG_HUB_ARGS[@]}"
		postgres_drop
	else
		R=()
		add_export_rows export-postgres PostgreSQL "$PG_ABSENT"
	fi
}

export_run() { # name database jdbc-url user password hub-args...
	local name=$1 database=$2 url=$3 user=$4 password=$5 flights saved_opts
	shift 5
	R=()
	log "$name: writing flights of $EXPORT_SMALL and $EXPORT_LARGE states into the recorder's tables"
	if ! taskset -c 1 java $GENERATOR_JAVA_OPTS -jar "$BENCH_JAR" seed --jdbc-url="$url" --jdbc-user="$user" \
		--jdbc-password="$password" --hub-jar="$HUB_JAR" --flights="$EXPORT_SMALL,$EXPORT_LARGE" \
		--out="$OUT/$name-seed.properties" >"$LOGS/$name-seed.log" 2>&1; then
		add_export_rows "$name" "$database" "writing the flights failed: see $LOGS/$name-seed.log"
		return
	fi
	flights=$(sed -n 's/^flights=//p' "$OUT/$name-seed.properties")
	saved_opts=$SERVER_JAVA_OPTS
	SERVER_JAVA_OPTS="$SERVER_JAVA_OPTS $EXPORT_SERVER_JAVA_OPTS"
	if ! start_hub "$name" 3 10 "$@"; then
		SERVER_JAVA_OPTS=$saved_opts
		add_export_rows "$name" "$database" "hub did not start"
		return
	fi
	SERVER_JAVA_OPTS=$saved_opts
	log "$name: exporting $flights"
	taskset -c 1 java $GENERATOR_JAVA_OPTS -jar "$BENCH_JAR" export --url="http://127.0.0.1:$PORT" \
		--flights="$flights" --server-pid="$SERVER_PID" --out="$OUT/$name.properties" \
		>"$LOGS/$name-export.log" 2>&1 || log "$name: export failed, see $LOGS/$name-export.log"
	stop_server
	read_results "$OUT/$name.properties"
	add_export_rows "$name" "$database"
}

# Two hub nodes over RabbitMQ's STOMP plugin, both on core 0 (RabbitMQ where the system puts it), sharing a
# PostgreSQL database for the drone leases, with a generator of 500 spectators for each node (both
# generators on core 1); the nodes' own counters give the messages they sent to and received from
# the broker. Then node b is killed with SIGKILL and node a's takeover of its drones is timed.
CLUSTER_LINES=()
cluster_counter() { # port direction: the node's hub.cluster.messages count (a float), or 0
	curl -s -u bench-admin:bench-admin "http://127.0.0.1:$1/actuator/prometheus" |
		awk -v d="direction=\"$2\"" '/^hub_cluster_messages_total/ && index($0, d) { print $NF; found = 1 } END { if (!found) print 0 }'
}

sum() { awk 'BEGIN { for (i = 1; i < ARGC; i++) total += ARGV[i]; print total }' "$@"; }

cluster_drones() { # port node: how many drones the node says it simulates, in /api/cluster
	{ curl -s -u bench-admin:bench-admin "http://127.0.0.1:$1/api/cluster" || true; } |
		{ grep -o "\"id\":\"$2\",\"alive\":true,\"drones\":\[[^]]*\]" || true; } |
		{ grep -o '"d[0-9]*"' || true; } | wc -l
}

scenario_cluster() {
	local spectators a_pid b_pid b_port=$((PORT + 1)) sent_before received_before started elapsed
	spectators=$(scaled 500)
	if command -v rabbitmq-plugins >/dev/null 2>&1; then
		timeout 60 rabbitmq-plugins -q enable rabbitmq_stomp >/dev/null 2>&1 || log "could not enable rabbitmq_stomp"
	fi
	if ! (exec 3<>/dev/tcp/127.0.0.1/61613) 2>/dev/null; then
		CLUSTER_LINES+=("cluster: nothing answers on RabbitMQ's STOMP port 127.0.0.1:61613: not measured.")
		return
	fi
	if ! postgres_create; then
		CLUSTER_LINES+=("cluster: $PG_ABSENT.")
		return
	fi
	local node_args=(--hub.recorder.enabled=false --hub.cluster.enabled=true "${PG_HUB_ARGS[@]}")
	R=()
	if ! start_hub cluster-a-500 10 10 --hub.cluster.node-id=a "${node_args[@]}"; then
		postgres_drop
		return
	fi
	a_pid=$SERVER_PID
	if ! PORT=$b_port start_hub cluster-b-500 10 10 --hub.cluster.node-id=b "${node_args[@]}"; then
		SERVER_PID=$a_pid stop_server
		postgres_drop
		return
	fi
	b_pid=$SERVER_PID
	# node a takes every drone before node b is up: wait until b has taken its share
	local on_a on_b
	for _ in $(seq 1 60); do
		on_a=$(cluster_drones "$PORT" a)
		on_b=$(cluster_drones "$PORT" b)
		[ "$on_a" -gt 0 ] && [ "$on_b" -gt 0 ] && [ $((on_a + on_b)) -eq 10 ] && break
		sleep 0.5
	done
	log "cluster: node a simulates $on_a drones, node b $on_b"
	sent_before=$(sum "$(cluster_counter "$PORT" sent)" "$(cluster_counter "$b_port" sent)")
	received_before=$(sum "$(cluster_counter "$PORT" received)" "$(cluster_counter "$b_port" received)")
	started=$(date +%s.%N)
	run_generator cluster-a-500 "ws://127.0.0.1:$PORT/ws" "$a_pid" true --spectators="$spectators" --drones=10 \
		--rate-hz=10 ${credentials[@]+"${credentials[@]}"} &
	local generator_a=$!
	run_generator cluster-b-500 "ws://127.0.0.1:$b_port/ws" "$b_pid" true --spectators="$spectators" --drones=10 \
		--rate-hz=10 ${credentials[@]+"${credentials[@]}"}
	wait "$generator_a" || true
	elapsed=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
	local sent received
	sent=$(sum "$(cluster_counter "$PORT" sent)" "$(cluster_counter "$b_port" sent)" "-$sent_before")
	received=$(sum "$(cluster_counter "$PORT" received)" "$(cluster_counter "$b_port" received)" "-$received_before")
	local name
	for name in cluster-a-500 cluster-b-500; do
		read_results "$OUT/$name.properties"
		add_row "$name" "node ${name:8:1} of two over RabbitMQ $(timeout 30 rabbitmqctl -q version 2>/dev/null || echo '?')"
	done
	local killed took=""
	killed=$(date +%s%N)
	kill -9 "$b_pid" 2>/dev/null || true
	for _ in $(seq 1 200); do
		if [ "$(cluster_drones "$PORT" a)" -eq 10 ]; then
			took=$((($(date +%s%N) - killed) / 1000000))
			break
		fi
		sleep 0.05
	done
	SERVER_PID=$a_pid stop_server
	postgres_drop
	CLUSTER_LINES+=("$(awk -v sent="$sent" -v received="$received" -v s="$elapsed" -v spectators="$spectators" \
		-v took="${took:-more than 10000}" 'BEGIN {
			printf "cluster: two nodes, %d spectators each, 10 drones x 10 Hz: the nodes sent %.0f messages/s to the broker and received %.0f/s from it (each node publishes one message per tick of its own drones, plus its beats and events; spectators x states would be %d/s); node b killed with SIGKILL: node a simulated all 10 drones after %s ms.\n",
				spectators, sent / s, received / s, 2 * spectators * 100, took }')")
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "scenarios: ${SCENARIOS[*]}; load average before: $LOAD_BEFORE"
for scenario in "${SCENARIOS[@]}"; do
	"scenario_${scenario//-/_}"
	write_tables
done

cat "$MD"
java -jar "$BENCH_JAR" chart --csv="$CSV" --out="$CHART" --caption="$(head -1 "$MD")" ||
	log "could not draw $CHART"
log "wrote $CSV, $MD and $CHART in $(($(date +%s) - STARTED)) s"
