#!/usr/bin/env bash
# A real OpenSearch node to measure Passage against: unpack, start, load, check, stop.
# bench/run sources this file; it also works alone, for a look at the node by hand:
#
#   bench/opensearch.sh start WORK_DIR            unpack if needed, start, wait until it answers
#   bench/opensearch.sh load  WORK_DIR BULK_FILE  (re)create the index and bulk-load the file
#   bench/opensearch.sh check WORK_DIR QUERY_FILE ask every query once; count non-200s and hits
#   bench/opensearch.sh stop  WORK_DIR            stop the node by the pid it wrote
#   bench/opensearch.sh cluster-start WORK_DIR    two nodes on loopback, green before it returns
#   bench/opensearch.sh cluster-stop  WORK_DIR    stop both by the pids they wrote
#
# The node is the integ-test distribution from Maven Central (scripts/install-opensearch fetches
# it): OpenSearch with its core modules, no security plugin, plain HTTP. It refuses to run as root,
# so it runs as the ordinary user $OPENSEARCH_USER, with its data and logs under WORK_DIR/opensearch.
# shellcheck source-path=SCRIPTDIR disable=SC2016

OPENSEARCH_VERSION="${OPENSEARCH_VERSION:-3.6.0}"
OPENSEARCH_USER="${OPENSEARCH_USER:-opensearch}"
OPENSEARCH_PORT="${OPENSEARCH_PORT:-19200}"
OPENSEARCH_HEAP="${OPENSEARCH_HEAP:-1g}"
OPENSEARCH_INDEX="passage"
# The two-node cluster Passage's OpenSearch engine is measured on (issue 16): its nodes' HTTP
# ports, the transport ports 100 above them, and each node's heap.
OPENSEARCH_CLUSTER_PORTS="${OPENSEARCH_CLUSTER_PORTS:-19401,19402}"
OPENSEARCH_CLUSTER_HEAP="${OPENSEARCH_CLUSTER_HEAP:-1g}"
OPENSEARCH_CLUSTER_NODES=(n1 n2)
OPENSEARCH_ZIP="$HOME/.m2/repository/org/opensearch/distribution/integ-test-zip/opensearch/$OPENSEARCH_VERSION/opensearch-$OPENSEARCH_VERSION.zip"
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

opensearch_url() { printf 'http://127.0.0.1:%s' "$OPENSEARCH_PORT"; }

# The distribution unpacked once per work dir and owned by the node's user, which writes its
# keystore into config/ and its GC log into logs/ there.
opensearch_unpack() {
  local dir="$1/opensearch"
  [[ -f "$OPENSEARCH_ZIP" ]] || die "no OpenSearch distribution at $OPENSEARCH_ZIP; run scripts/install-opensearch."
  id "$OPENSEARCH_USER" >/dev/null 2>&1 || die "no user '$OPENSEARCH_USER' to run OpenSearch as; run scripts/install-opensearch."
  mkdir -p "$dir"
  if [[ ! -x "$dir/opensearch-$OPENSEARCH_VERSION/bin/opensearch" ]]; then
    say "Unpacking OpenSearch $OPENSEARCH_VERSION into $dir …"
    unzip -q -o "$OPENSEARCH_ZIP" -d "$dir"
  fi
  chown -R "$OPENSEARCH_USER:" "$dir/opensearch-$OPENSEARCH_VERSION"
}

# Starts a fresh single node on loopback (empty data dir) and waits until GET / answers.
# Sets OPENSEARCH_PID to the node's java process (its pid file; runuser stays as its parent).
opensearch_start() {
  local work="$1" dir="$1/opensearch" home i
  home="$dir/opensearch-$OPENSEARCH_VERSION"
  opensearch_unpack "$work"
  need_free_port "$OPENSEARCH_PORT"
  # The user must be able to reach the work dir: every directory above it needs o+x.
  runuser -u "$OPENSEARCH_USER" -- test -x "$dir" ||
    die "user '$OPENSEARCH_USER' cannot reach $dir; use a --work dir every user can enter (such as under /tmp)."
  rm -rf "$dir/data" "$dir/logs" "$dir/pid"
  mkdir -p "$dir/data" "$dir/logs"
  chown "$OPENSEARCH_USER:" "$dir/data" "$dir/logs"
  chown "$OPENSEARCH_USER:" "$dir"
  say "Starting OpenSearch $OPENSEARCH_VERSION on $(opensearch_url) (heap $OPENSEARCH_HEAP) …"
  runuser -u "$OPENSEARCH_USER" -- env \
    OPENSEARCH_JAVA_HOME="${OPENSEARCH_JAVA_HOME:-$JAVA_HOME}" \
    OPENSEARCH_JAVA_OPTS="-Xms$OPENSEARCH_HEAP -Xmx$OPENSEARCH_HEAP" \
    "$home/bin/opensearch" -p "$dir/pid" \
    -E discovery.type=single-node -E network.host=127.0.0.1 -E http.port="$OPENSEARCH_PORT" \
    -E path.data="$dir/data" -E path.logs="$dir/logs" \
    </dev/null >"$dir/console.log" 2>&1 &
  OPENSEARCH_RUNUSER_PID=$!
  for ((i = 0; i < 240; i++)); do
    if [[ -s "$dir/pid" ]] && curl -sf -o /dev/null "$(opensearch_url)/"; then
      OPENSEARCH_PID="$(<"$dir/pid")"
      return 0
    fi
    kill -0 "$OPENSEARCH_RUNUSER_PID" 2>/dev/null || die "OpenSearch stopped while starting; see $dir/console.log and $dir/logs/."
    sleep 0.5
  done
  die "OpenSearch did not answer within 120 s; see $dir/console.log and $dir/logs/."
}

# Stops the node by the pid it wrote, then the runuser that waited for it. The pid is used only
# while it is still this node (its command line names this data dir): a pid file left by a run
# that was killed may name another process by now.
opensearch_stop() {
  local dir="$1/opensearch" pid
  if [[ -s "$dir/pid" ]]; then
    pid="$(<"$dir/pid")"
    if tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "path.data=$dir/data"; then
      say "Stopping OpenSearch (pid $pid) …"
      stop_pid "$pid"
    fi
    rm -f "$dir/pid"
  fi
  stop_pid "${OPENSEARCH_RUNUSER_PID:-}"
  OPENSEARCH_PID=""
}

# curl against the node; fails on an HTTP error, and says what the node answered.
opensearch_curl() {
  local method="$1" path="$2" out
  shift 2
  out="$(curl -sS -X "$method" "$(opensearch_url)$path" -w '\n%{http_code}' "$@")" || die "OpenSearch $method $path: no answer."
  [[ "${out##*$'\n'}" == 2* ]] || die "OpenSearch $method $path answered ${out##*$'\n'}: ${out%$'\n'*}"
  printf '%s' "${out%$'\n'*}"
}

# Deletes the index if it is there and creates it empty from bench/opensearch-index.json.
opensearch_create_index() {
  curl -s -o /dev/null -X DELETE "$(opensearch_url)/$OPENSEARCH_INDEX"
  opensearch_curl PUT "/$OPENSEARCH_INDEX" -H 'Content-Type: application/json' \
    --data-binary "@$BENCH_DIR/opensearch-index.json" >/dev/null
}

# Splits a bulk file into requests of BULK_DOCS documents (two lines each), in DIR/bulk-parts.
opensearch_split_bulk() {
  local bulk="$1" parts="$2/opensearch/bulk-parts"
  rm -rf "$parts"
  mkdir -p "$parts"
  split -l $((2 * ${BULK_DOCS:-10000})) -d -a 5 "$bulk" "$parts/part-"
  printf '%s' "$parts"
}

# Sends one bulk request; prints the part's name when any document failed.
opensearch_bulk_part() {
  local answer
  answer="$(curl -sS -X POST "$(opensearch_url)/_bulk?filter_path=errors,items.*.error" \
    -H 'Content-Type: application/x-ndjson' --data-binary "@$1")" || { echo "$1: no answer"; return; }
  [[ "$answer" == '{"errors":false}' ]] || echo "$1: ${answer:0:300}"
}

# Creates the index and loads the bulk file; prints the seconds from the first bulk request to
# the end of the final refresh (that makes everything searchable, as Passage's commit does).
# Requests go BULK_CLIENTS at a time (default: one per core) with refresh off during the load,
# the load OpenSearch's documentation recommends. With "remove" after the count, the bulk file is
# deleted once it is split (before the clock starts): at bench/run's ×50 each copy is about 5 GB.
#   opensearch_load WORK_DIR BULK_FILE EXPECTED_DOCS [remove]
opensearch_load() {
  local parts started seconds failures count
  parts="$(opensearch_split_bulk "$2" "$1")"
  [[ "${4:-}" != remove ]] || rm -f "$2"
  opensearch_create_index
  export -f opensearch_bulk_part opensearch_url
  export OPENSEARCH_PORT
  started="$(now)"
  failures="$(find "$parts" -type f -name 'part-*' | sort |
    xargs -P "${BULK_CLIENTS:-$(nproc)}" -I{} bash -c 'opensearch_bulk_part "$1"' _ {})"
  opensearch_curl POST "/$OPENSEARCH_INDEX/_refresh" >/dev/null
  seconds="$(calc '%.2f' "$(now) - $started")"
  [[ -z "$failures" ]] || die "OpenSearch rejected documents: $failures"
  count="$(opensearch_curl GET "/$OPENSEARCH_INDEX/_count")"
  [[ "$count" == *"\"count\":$3,"* ]] || die "OpenSearch holds ${count} after loading, not $3 documents."
  printf '%s' "$seconds"
}

# Asks every query once, with the body wrk sends (bench/opensearch-search.json), and prints
# "queries=N non200=N no_hits=N hits=N" (hits: the hit counts added up over the queries).
opensearch_check() {
  local template q body out status total non200=0 no_hits=0 hits=0 n=0
  # The template on one line, as bench/opensearch.lua sends it.
  template="$(sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$BENCH_DIR/opensearch-search.json" | tr -d '\n')"
  while IFS= read -r q || [[ -n "$q" ]]; do
    [[ -n "${q// /}" ]] || continue
    n=$((n + 1))
    body="${template//\"@QUERY@\"/"$(json_string "$q")"}"
    out="$(curl -s -X POST "$(opensearch_url)/$OPENSEARCH_INDEX/_search" \
      -H 'Content-Type: application/json' --data-binary "$body" -w '\n%{http_code}')" || true
    status="${out##*$'\n'}"
    if [[ "$status" != 200 ]]; then
      non200=$((non200 + 1))
      say "  OpenSearch answered $status to: $q"
      continue
    fi
    [[ "$out" =~ \"total\":\{\"value\":([0-9]+) ]] && total="${BASH_REMATCH[1]}" || total=0
    ((total > 0)) || no_hits=$((no_hits + 1))
    hits=$((hits + total))
  done <"$1"
  printf 'queries=%d non200=%d no_hits=%d hits=%d\n' "$n" "$non200" "$no_hits" "$hits"
}

# ---------------------------------------------------------------------------------------------
# A real two-node cluster on loopback, from the same unpacked distribution: each node has its own
# config (the keystore is written there at start), data, logs and temporary dir under
# WORK_DIR/cluster/NODE, and both are cluster-manager eligible so that they elect one another.

# The HTTP port of node N (1 or 2), and its URL.
opensearch_cluster_port() { cut -d, -f"$1" <<<"$OPENSEARCH_CLUSTER_PORTS"; }
opensearch_cluster_url() { printf 'http://127.0.0.1:%s' "$(opensearch_cluster_port "$1")"; }
# Both nodes, comma-separated, as passage --opensearch takes them.
opensearch_cluster_urls() { printf '%s,%s' "$(opensearch_cluster_url 1)" "$(opensearch_cluster_url 2)"; }

# Starts both nodes and waits until the cluster is green with both of them. Sets
# OPENSEARCH_CLUSTER_PIDS to the nodes' java processes, in node order.
opensearch_cluster_start() {
  local work="$1" home="$1/opensearch/opensearch-$OPENSEARCH_VERSION" i n port node dir seeds=""
  opensearch_unpack "$work"
  for i in 1 2; do
    port="$(opensearch_cluster_port "$i")"
    [[ -n "$port" ]] || die "OPENSEARCH_CLUSTER_PORTS needs two ports, such as 19401,19402."
    need_free_port "$port"
    seeds+="${seeds:+,}127.0.0.1:$((port + 100))"
  done
  mkdir -p "$work/cluster"
  chown "$OPENSEARCH_USER:" "$work/cluster"
  runuser -u "$OPENSEARCH_USER" -- test -x "$work/cluster" ||
    die "user '$OPENSEARCH_USER' cannot reach $work/cluster; use a --work dir every user can enter (such as under /tmp)."
  OPENSEARCH_CLUSTER_PIDS=()
  OPENSEARCH_CLUSTER_RUNUSER_PIDS=()
  for i in 1 2; do
    node="${OPENSEARCH_CLUSTER_NODES[i - 1]}"
    dir="$work/cluster/$node"
    port="$(opensearch_cluster_port "$i")"
    rm -rf "$dir"
    mkdir -p "$dir/data" "$dir/logs" "$dir/tmp"
    cp -r "$home/config" "$dir/config"
    chown -R "$OPENSEARCH_USER:" "$dir"
    say "Starting OpenSearch node $node on $(opensearch_cluster_url "$i") (heap $OPENSEARCH_CLUSTER_HEAP) …"
    runuser -u "$OPENSEARCH_USER" -- env \
      OPENSEARCH_JAVA_HOME="${OPENSEARCH_JAVA_HOME:-$JAVA_HOME}" \
      OPENSEARCH_JAVA_OPTS="-Xms$OPENSEARCH_CLUSTER_HEAP -Xmx$OPENSEARCH_CLUSTER_HEAP" \
      OPENSEARCH_PATH_CONF="$dir/config" OPENSEARCH_TMPDIR="$dir/tmp" \
      "$home/bin/opensearch" -p "$dir/pid" \
      -E cluster.name=passage-bench -E node.name="$node" -E network.host=127.0.0.1 \
      -E http.port="$port" -E transport.port="$((port + 100))" \
      -E discovery.seed_hosts="$seeds" \
      -E cluster.initial_cluster_manager_nodes="$(IFS=,; printf '%s' "${OPENSEARCH_CLUSTER_NODES[*]}")" \
      -E path.data="$dir/data" -E path.logs="$dir/logs" \
      -E cluster.routing.allocation.disk.threshold_enabled=false \
      </dev/null >"$dir/console.log" 2>&1 &
    OPENSEARCH_CLUSTER_RUNUSER_PIDS+=($!)
  done
  for ((n = 0; n < 360; n++)); do
    if [[ -s "$work/cluster/n1/pid" && -s "$work/cluster/n2/pid" ]] &&
      curl -sf -o /dev/null "$(opensearch_cluster_url 1)/_cluster/health?wait_for_nodes=2&wait_for_status=green&timeout=1s"; then
      OPENSEARCH_CLUSTER_PIDS=("$(<"$work/cluster/n1/pid")" "$(<"$work/cluster/n2/pid")")
      return 0
    fi
    for i in 0 1; do
      kill -0 "${OPENSEARCH_CLUSTER_RUNUSER_PIDS[i]}" 2>/dev/null ||
        die "OpenSearch node ${OPENSEARCH_CLUSTER_NODES[i]} stopped while starting; see $work/cluster/${OPENSEARCH_CLUSTER_NODES[i]}/."
    done
    sleep 0.5
  done
  die "the two-node cluster was not green within 180 s; see $work/cluster/n1/ and n2/."
}

# Stops both nodes by the pids they wrote (each only while it is still that node: its command
# line names its data dir), then the runusers that waited for them.
opensearch_cluster_stop() {
  local work="$1" node dir pid
  for node in "${OPENSEARCH_CLUSTER_NODES[@]}"; do
    dir="$work/cluster/$node"
    if [[ -s "$dir/pid" ]]; then
      pid="$(<"$dir/pid")"
      if tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "path.data=$dir/data"; then
        say "Stopping OpenSearch node $node (pid $pid) …"
        stop_pid "$pid"
      fi
      rm -f "$dir/pid"
    fi
  done
  for pid in "${OPENSEARCH_CLUSTER_RUNUSER_PIDS[@]}"; do
    stop_pid "$pid"
  done
  OPENSEARCH_CLUSTER_PIDS=()
  OPENSEARCH_CLUSTER_RUNUSER_PIDS=()
}

# The body that creates an index as passage index --engine opensearch creates its own: the
# mapping and analysis of src/main/resources/opensearch/index.json, 2 primary shards, 1 replica,
# refresh off while loading.
# As Passage's build loads an index: no replica during the load (OpenSearch's advice for bulk
# loads), which the cluster then copies from the flushed files (opensearch_cluster_add_replica).
OPENSEARCH_CLUSTER_INDEX_SETTINGS='.settings += {"number_of_shards": 2, "number_of_replicas": 0, "refresh_interval": "-1"}'
opensearch_cluster_index_body() {
  jq -c "$OPENSEARCH_CLUSTER_INDEX_SETTINGS" "$ROOT/src/main/resources/opensearch/index.json"
}

# Sends one bulk part to node 1 or 2 by the parity of its number, as Passage's client spreads
# its requests over the nodes it is given.
opensearch_cluster_bulk_part() {
  local number="${1##*part-}"
  OPENSEARCH_PORT="$(cut -d, -f"$((10#$number % 2 + 1))" <<<"$OPENSEARCH_CLUSTER_PORTS")" opensearch_bulk_part "$1"
}

# Gives INDEX its replica, copied from the committed files (a flush first, or the replica would
# replay the whole load from the translog), and waits until the cluster has copied it.
opensearch_cluster_add_replica() {
  OPENSEARCH_PORT="$(opensearch_cluster_port 1)" opensearch_curl POST "/$1/_flush" >/dev/null
  OPENSEARCH_PORT="$(opensearch_cluster_port 1)" opensearch_curl PUT "/$1/_settings" \
    -H 'Content-Type: application/json' --data-binary '{"index":{"number_of_replicas":1}}' >/dev/null
  OPENSEARCH_PORT="$(opensearch_cluster_port 1)" opensearch_curl GET \
    "/_cluster/health/$1?wait_for_status=green&timeout=120s" | grep -q '"timed_out":false' ||
    die "the cluster did not copy $1's replica within 120 s."
}

# Creates INDEX with Passage's mapping on the cluster and bulk-loads the file (Passage's own
# documents, bench export --documents passage), one client per core (BULK_CLIENTS), with refresh
# off, timed from the first request to the end of the refresh and the replica's copy; prints the
# seconds. The index stays.
#   opensearch_cluster_load WORK_DIR BULK_FILE EXPECTED_DOCS INDEX
opensearch_cluster_load() {
  local parts started seconds failures count url index="$4"
  url="$(opensearch_cluster_url 1)"
  parts="$(opensearch_split_bulk "$2" "$1")"
  curl -s -o /dev/null -X DELETE "$url/$index"
  OPENSEARCH_PORT="$(opensearch_cluster_port 1)" opensearch_curl PUT "/$index" \
    -H 'Content-Type: application/json' --data-binary "$(opensearch_cluster_index_body)" >/dev/null
  OPENSEARCH_PORT="$(opensearch_cluster_port 1)" opensearch_curl GET \
    "/_cluster/health/$index?wait_for_status=green&timeout=60s" >/dev/null
  export -f opensearch_bulk_part opensearch_cluster_bulk_part opensearch_url
  export OPENSEARCH_CLUSTER_PORTS
  started="$(now)"
  failures="$(find "$parts" -type f -name 'part-*' | sort |
    xargs -P "${BULK_CLIENTS:-$(nproc)}" -I{} bash -c 'opensearch_cluster_bulk_part "$1"' _ {})"
  OPENSEARCH_PORT="$(opensearch_cluster_port 1)" opensearch_curl POST "/$index/_refresh" >/dev/null
  opensearch_cluster_add_replica "$index"
  seconds="$(calc '%.2f' "$(now) - $started")"
  [[ -z "$failures" ]] || die "OpenSearch rejected documents: $failures"
  count="$(OPENSEARCH_PORT="$(opensearch_cluster_port 1)" opensearch_curl GET "/$index/_count")"
  [[ "$count" == *"\"count\":$3,"* ]] || die "the cluster holds ${count} after loading, not $3 documents."
  printf '%s' "$seconds"
}

# Sends every recorded request (bench record: METHOD PATH, a tab, the body) once to node 1 and
# prints "queries=N non200=N no_hits=N hits=N", as opensearch_check does.
opensearch_replay_check() {
  local line method path body out status total non200=0 no_hits=0 hits=0 n=0
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ -n "$line" ]] || continue
    n=$((n + 1))
    method="${line%% *}"
    path="${line#* }"
    path="${path%%$'\t'*}"
    body="${line#*$'\t'}"
    out="$(curl -s -X "$method" "$(opensearch_cluster_url 1)$path" \
      -H 'Content-Type: application/json' --data-binary "$body" -w '\n%{http_code}')" || true
    status="${out##*$'\n'}"
    if [[ "$status" != 200 ]]; then
      non200=$((non200 + 1))
      say "  OpenSearch answered $status to: ${line:0:200}"
      continue
    fi
    [[ "$out" =~ \"total\":\{\"value\":([0-9]+) ]] && total="${BASH_REMATCH[1]}" || total=0
    ((total > 0)) || no_hits=$((no_hits + 1))
    hits=$((hits + total))
  done <"$1"
  printf 'queries=%d non200=%d no_hits=%d hits=%d\n' "$n" "$non200" "$no_hits" "$hits"
}

# Run alone: the subcommands in the header.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  source "$BENCH_DIR/lib.sh"
  command="${1:-}"
  work="${2:-}"
  [[ -n "$command" && -n "$work" ]] ||
    die "usage: bench/opensearch.sh start|load|check|stop|cluster-start|cluster-stop WORK_DIR [FILE]"
  mkdir -p "$work"
  work="$(cd "$work" && pwd)"
  if [[ -z "${OPENSEARCH_JAVA_HOME:-}" ]]; then
    JAVA_HOME="$(passage_java_home)"
  fi
  case "$command" in
    start) opensearch_start "$work" && say "OpenSearch is up: pid $OPENSEARCH_PID, $(opensearch_url)" ;;
    load)
      [[ -f "${3:-}" ]] || die "usage: bench/opensearch.sh load WORK_DIR BULK_FILE"
      docs="$(($(wc -l <"$3") / 2))"
      say "Loaded $docs documents in $(opensearch_load "$work" "$3" "$docs") s."
      ;;
    check)
      [[ -f "${3:-}" ]] || die "usage: bench/opensearch.sh check WORK_DIR QUERY_FILE"
      opensearch_check "$3"
      ;;
    stop) opensearch_stop "$work" ;;
    cluster-start)
      opensearch_cluster_start "$work" &&
        say "The cluster is green: pids ${OPENSEARCH_CLUSTER_PIDS[*]}, $(opensearch_cluster_urls)"
      ;;
    cluster-stop)
      OPENSEARCH_CLUSTER_RUNUSER_PIDS=()
      opensearch_cluster_stop "$work"
      ;;
    *) die "unknown command '$command': start, load, check, stop, cluster-start or cluster-stop" ;;
  esac
fi
