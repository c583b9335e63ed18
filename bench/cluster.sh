# Issue 16: Passage's OpenSearch engine on a real two-node cluster (2 primary shards, 1 replica),
# against the embedded engine (the same answers) and against OpenSearch alone (what Passage adds).
# Sourced by bench/run, after opensearch.sh.
# shellcheck shell=bash

# The paragraphs Passage's build sends, as a bulk file: OpenSearch's own rate is measured on them.
export_engine_bulk() {
  local -a cmd
  mapfile -t cmd < <(passage_cmd)
  cmd+=(bench export --documents passage --index-name passage-bulk --articles "$CORPUS" --out "$1")
  note "${cmd[@]}"
  "${cmd[@]}"
}

# OpenSearch's own bulk rate on the cluster against passage index --engine opensearch, in RUNS
# pairs, the order alternating, each pair's ratio taken from runs a minute apart: this machine's
# speed drifts within minutes, and other work on it moves both sides of a pair alike.
cluster_indexing() {
  local bulk="$1" docs="$2" run
  note_comment "the index as Passage's build creates it: jq '$OPENSEARCH_CLUSTER_INDEX_SETTINGS' src/main/resources/opensearch/index.json >index.json"
  note curl -X PUT "$(opensearch_cluster_url 1)/passage-bulk" -H 'Content-Type: application/json' \
    --data-binary @index.json
  note_comment "then each part of ${BULK_DOCS:-10000} documents, $(nproc) at a time, to the nodes in turn, a refresh, a flush, the replica, and a wait for it:"
  note curl -X POST "$(opensearch_cluster_url 1)/_bulk?filter_path=errors,items.*.error" \
    -H 'Content-Type: application/x-ndjson' --data-binary "@$WORK/opensearch/bulk-parts/part-NNNNN"
  note curl -X PUT "$(opensearch_cluster_url 1)/passage-bulk/_settings" -H 'Content-Type: application/json' \
    --data-binary '{"index":{"number_of_replicas":1}}'
  note_passage index --rebuild --articles "$CORPUS" --engine opensearch --opensearch "$(opensearch_cluster_urls)"
  for ((run = 1; run <= RUNS; run++)); do
    if ((run % 2)); then
      cluster_bulk "$bulk" "$docs" "$run"
      cluster_index "$run"
    else
      cluster_index "$run"
      cluster_bulk "$bulk" "$docs" "$run"
    fi
    add cluster.index_share "$(ratio "${RESULT[cluster.index.rate]##* }" "${RESULT[cluster.bulk.rate]##* }" '%.6f')"
  done
  curl -s -o /dev/null -X DELETE "$(opensearch_cluster_url 1)/passage-bulk"
}

# The CPU time both nodes have used so far, in milliseconds.
cluster_nodes_cpu_ms() {
  printf '%s' "$(($(cpu_ms "${OPENSEARCH_CLUSTER_PIDS[0]}") + $(cpu_ms "${OPENSEARCH_CLUSTER_PIDS[1]}")))"
}

# One bulk load: Passage's documents, ready-tagged, into a fresh index with Passage's mapping,
# 2 shards, and a replica copied after the load, as Passage's build does; with the CPU time the
# nodes spent on it.
#   cluster_bulk BULK_FILE DOCS RUN
cluster_bulk() {
  local bulk="$1" docs="$2" seconds before cpu
  say "Bulk-loading the cluster with Passage's documents (run $3 of $RUNS) …"
  before="$(load_1min)"
  cpu="$(cluster_nodes_cpu_ms)"
  seconds="$(opensearch_cluster_load "$WORK" "$bulk" "$docs" passage-bulk)"
  add cluster.bulk.nodes_cpu_s "$(calc '%.1f' "($(cluster_nodes_cpu_ms) - $cpu) / 1000")"
  add cluster.load.bulk "$before→$(load_1min)"
  add cluster.bulk.seconds "$seconds"
  add cluster.bulk.rate "$(calc '%.0f' "$docs / $seconds")"
  say "  $docs paragraphs in $seconds s"
}

# One passage index --engine opensearch under /usr/bin/time: reading, tagging and the bulk
# requests overlapped, a whole build (--rebuild) into a new versioned index behind the alias.
#   cluster_index RUN
cluster_index() {
  local out before cpu
  local -a engine=(--rebuild --engine opensearch --opensearch "$(opensearch_cluster_urls)")
  say "Indexing $(basename "$CORPUS") with Passage on the cluster (run $1 of $RUNS) …"
  before="$(load_1min)"
  cpu="$(cluster_nodes_cpu_ms)"
  out="$(passage_index "$CORPUS" "" "$WORK/logs/cluster-index-$1.log" "${engine[@]}")"
  add cluster.index.nodes_cpu_s "$(calc '%.1f' "($(cluster_nodes_cpu_ms) - $cpu) / 1000")"
  add cluster.load.index "$before→$(load_1min)"
  RESULT[cluster.paragraphs]="$(field paragraphs "$out")"
  add cluster.index.seconds "$(field wall_s "$out")"
  add cluster.index.build_s "$(field build_s "$out")"
  add cluster.index.passage_cpu_s "$(field cpu_s "$out")"
  add cluster.index.rate "$(calc '%.0f' "$(field paragraphs "$out") / $(field wall_s "$out")")"
  add cluster.index.rss_mib "$(mib "$(field max_rss_kb "$out")")"
  say "  $out"
}

# Passage's side of that build alone, nothing sent (passage bench tagging), RUNS times, timed as
# the whole process like passage index: what tagging could feed a cluster from its own machine.
cluster_tagging() {
  local run started seconds out before
  note_passage bench tagging --articles "$CORPUS" --threads "$(nproc)"
  for ((run = 1; run <= RUNS; run++)); do
    say "Tagging alone, nothing sent (run $run of $RUNS) …"
    before="$(load_1min)"
    started="$(now)"
    out="$(passage bench tagging --articles "$CORPUS" --threads "$(nproc)" 2>"$WORK/logs/tagging-$run.log")" ||
      die "bench tagging failed; see $WORK/logs/tagging-$run.log."
    seconds="$(calc '%.2f' "$(now) - $started")"
    add cluster.load.tagging "$before→$(load_1min)"
    say "  $out (process: $seconds s)"
    # "tagging: 19776 articles, 105785 paragraphs in 7.10 s (14899 paragraphs/s, 2 threads, …)"
    add cluster.tagging.seconds "$seconds"
    add cluster.tagging.rate "$(calc '%.0f' "$(sed -n 's/.* \([0-9]*\) paragraphs in .*/\1/p' <<<"$out") / $seconds")"
  done
}

# Records the exact search requests Passage sends: serve on the cluster through bench record,
# every query asked once. Each line of FILE is then one request as it was sent, in query order.
cluster_record() {
  local file="$1" raw="$1.raw" i first
  local -a cmd
  need_free_port "$RECORDER_PORT"
  note_passage bench record --listen "$RECORDER_PORT" --forward "$(opensearch_cluster_url 1)" --out "$raw"
  note_passage serve --articles "$CORPUS" --host 127.0.0.1 --port "$PASSAGE_PORT" \
    --engine opensearch --opensearch "http://127.0.0.1:$RECORDER_PORT"
  mapfile -t cmd < <(passage_cmd bench record --listen "$RECORDER_PORT" \
    --forward "$(opensearch_cluster_url 1)" --out "$raw")
  "${cmd[@]}" </dev/null >"$WORK/logs/record.log" 2>&1 &
  RECORDER_PID=$!
  for ((i = 0; i < 600; i++)); do
    grep -q '^recording on' "$WORK/logs/record.log" && break
    kill -0 "$RECORDER_PID" 2>/dev/null || die "bench record stopped; see $WORK/logs/record.log."
    sleep 0.05
  done
  say "Recording the requests Passage sends, every query once …"
  passage_start "$CORPUS" "" "$FIRST_QUERY" "$WORK/logs/cluster-record-serve.log" \
    --engine opensearch --opensearch "http://127.0.0.1:$RECORDER_PORT"
  # The first answer's request came before the queries': only theirs are kept.
  first="$(($(wc -l <"$raw") + 1))"
  RESULT[cluster.record.check]="$(passage_check "$QUERIES")"
  passage_stop
  stop_pid "$RECORDER_PID"
  RECORDER_PID=""
  # And only searches: while the queries run, the server's own reads reach the cluster too (the
  # values and titles its suggester reads, the folder compared with the index), and replayed as
  # load they would weigh on OpenSearch's side alone. Every search goes with dfs_query_then_fetch.
  tail -n +"$first" "$raw" | grep -F 'search_type=dfs_query_then_fetch' >"$file" || true
  [[ -s "$file" ]] || die "no search was recorded; see $WORK/logs/record.log and $WORK/logs/cluster-record-serve.log."
  RESULT[cluster.recorded]="$(wc -l <"$file")"
  say "  ${RESULT[cluster.recorded]} search requests for ${RESULT[queries]} queries"
}

# Passage serving from the cluster: every query asked once and its total and facet counts
# compared with the embedded engine's answers (bench/run's serve of the same corpus); then the
# recorded requests asked once straight; then the load, in pairs.
cluster_serve() {
  local recorded="$1" run
  note_passage serve --articles "$CORPUS" --host 127.0.0.1 --port "$PASSAGE_PORT" \
    --engine opensearch --opensearch "$(opensearch_cluster_urls)"
  say "Starting Passage on the cluster at $(passage_url) …"
  passage_start "$CORPUS" "" "$FIRST_QUERY" "$WORK/logs/cluster-serve.log" \
    --engine opensearch --opensearch "$(opensearch_cluster_urls)"
  say "Checking every query once, and comparing with the embedded engine's answers …"
  RESULT[cluster.check]="$(passage_check "$QUERIES" "$WORK/answers-cluster.tsv")"
  compare_answers "$WORK/answers-passage.tsv" "$WORK/answers-cluster.tsv"
  say "Asking every recorded request once, straight to OpenSearch …"
  RESULT[cluster.direct.check]="$(opensearch_replay_check "$recorded")"
  passage_stop
  # Under load both sides send every request to node 1, which coordinates it: the same requests to
  # the same node, so that the only difference is Passage.
  note_passage serve --articles "$CORPUS" --host 127.0.0.1 --port "$PASSAGE_PORT" \
    --engine opensearch --opensearch "$(opensearch_cluster_url 1)"
  passage_start "$CORPUS" "" "$FIRST_QUERY" "$WORK/logs/cluster-serve-node1.log" \
    --engine opensearch --opensearch "$(opensearch_cluster_url 1)"
  note_wrk "$BENCH_DIR/passage.lua" "$(passage_url)" "$WARMUP"
  note_wrk "$BENCH_DIR/opensearch-replay.lua" "$(opensearch_cluster_url 1)" "$WARMUP" "$recorded"
  note_wrk "$BENCH_DIR/passage.lua" "$(passage_url)" "$LOAD_SECONDS"
  note_wrk "$BENCH_DIR/opensearch-replay.lua" "$(opensearch_cluster_url 1)" "$LOAD_SECONDS" "$recorded"
  say "Warming up Passage on the cluster for $WARMUP s …"
  load_run "$BENCH_DIR/passage.lua" "$(passage_url)" "$WARMUP" "$PASSAGE_PID" \
    "$WORK/logs/cluster-passage-warmup.log" >/dev/null
  say "Warming up the same requests straight to OpenSearch for $WARMUP s …"
  load_run "$BENCH_DIR/opensearch-replay.lua" "$(opensearch_cluster_url 1)" "$WARMUP" \
    "${OPENSEARCH_CLUSTER_PIDS[0]}" "$WORK/logs/cluster-direct-warmup.log" "$recorded" >/dev/null
  cluster_warm_until_steady "$recorded"
  for ((run = 1; run <= RUNS; run++)); do
    # Which goes first alternates, so a machine slowing down or speeding up favours neither.
    if ((run % 2)); then
      cluster_load_passage "$run"
      cluster_load_direct "$run" "$recorded"
    else
      cluster_load_direct "$run" "$recorded"
      cluster_load_passage "$run"
    fi
    add cluster.rps_share "$(ratio "${RESULT[cluster.passage.rps]##* }" "${RESULT[cluster.direct.rps]##* }" '%.6f')"
    add cluster.p99_ratio "$(ratio "${RESULT[cluster.passage.p99]##* }" "${RESULT[cluster.direct.p99]##* }" '%.6f')"
  done
  RESULT[cluster.node1.hwm_mib]="$(mib "$(vm_kb "${OPENSEARCH_CLUSTER_PIDS[0]}" VmHWM)")"
  RESULT[cluster.node2.hwm_mib]="$(mib "$(vm_kb "${OPENSEARCH_CLUSTER_PIDS[1]}" VmHWM)")"
  passage_stop
}

# The nodes have just built the index and served nothing but the check, and Passage's JVM is new:
# both compile their search code under load, which on 2 shared cores takes minutes (the nodes'
# CPU per search fell from 17 to 2.8 ms over 160 s of Passage's load on 2026-12-05), and the side
# loaded first would pay for it. So after the warm-up, rounds of both sides until each side's rate
# is within 5 % of its previous round (at most CLUSTER_WARMUP_ROUNDS); the rates go to the report.
cluster_warm_until_steady() {
  local recorded="$1" round passage direct last_passage="" last_direct="" out
  for ((round = 1; round <= CLUSTER_WARMUP_ROUNDS; round++)); do
    say "Warming up both sides until steady (round $round of at most $CLUSTER_WARMUP_ROUNDS) …"
    out="$(load_run "$BENCH_DIR/passage.lua" "$(passage_url)" "$LOAD_SECONDS" "$PASSAGE_PID" \
      "$WORK/logs/cluster-passage-steady-$round.log")"
    passage="$(field rps "$out")"
    out="$(load_run "$BENCH_DIR/opensearch-replay.lua" "$(opensearch_cluster_url 1)" "$LOAD_SECONDS" \
      "${OPENSEARCH_CLUSTER_PIDS[0]}" "$WORK/logs/cluster-direct-steady-$round.log" "$recorded")"
    direct="$(field rps "$out")"
    say "  Passage $passage requests/s, straight $direct requests/s"
    add cluster.warmup.passage "$(calc '%.0f' "$passage")"
    add cluster.warmup.direct "$(calc '%.0f' "$direct")"
    if [[ -n "$last_passage" ]] && steady "$last_passage" "$passage" && steady "$last_direct" "$direct"; then
      return 0
    fi
    last_passage="$passage"
    last_direct="$direct"
  done
  say "  not steady after $CLUSTER_WARMUP_ROUNDS rounds; measuring anyway (the report shows the rates)."
}

# Whether a rate is within 5 % of the one before it.
steady() { awk -v a="$1" -v b="$2" 'BEGIN { d = (b - a) / a; exit !(d < 0.05 && d > -0.05) }'; }

# One measured run of each side of a pair: KEY is cluster.passage or cluster.direct.
#   cluster_load_run KEY SCRIPT URL PID RUN [REQUESTS]
cluster_load_run() {
  local key="$1" before out passage_cpu nodes_cpu requests
  say "Loading $key for $LOAD_SECONDS s (run $5 of $RUNS) …"
  before="$(load_1min)"
  # CPU time of Passage's JVM and of both nodes over the run: what each request costs, which the
  # machine's other work changes far less than it changes the rates.
  passage_cpu="$(cpu_ms "$PASSAGE_PID")"
  nodes_cpu="$(($(cpu_ms "${OPENSEARCH_CLUSTER_PIDS[0]}") + $(cpu_ms "${OPENSEARCH_CLUSTER_PIDS[1]}")))"
  out="$(load_run "$2" "$3" "$LOAD_SECONDS" "$4" "$WORK/logs/$key-load-$5.log" "${6:-}")"
  passage_cpu="$(($(cpu_ms "$PASSAGE_PID") - passage_cpu))"
  nodes_cpu="$(($(cpu_ms "${OPENSEARCH_CLUSTER_PIDS[0]}") + $(cpu_ms "${OPENSEARCH_CLUSTER_PIDS[1]}") - nodes_cpu))"
  add "$key.load" "$before→$(load_1min)"
  say "  $out passage_cpu_ms=$passage_cpu nodes_cpu_ms=$nodes_cpu"
  requests="$(field requests "$out")"
  if ((requests > 0)); then
    add "$key.passage_cpu_ms" "$(calc '%.2f' "$passage_cpu / $requests")"
    add "$key.nodes_cpu_ms" "$(calc '%.2f' "$nodes_cpu / $requests")"
  fi
  add "$key.rps" "$(calc '%.0f' "$(field rps "$out")")"
  add "$key.p50" "$(calc '%.2f' "$(field p50_ms "$out")")"
  add "$key.p99" "$(calc '%.2f' "$(field p99_ms "$out")")"
  add "$key.errors" "$(($(field non2xx "$out") + $(field socket_errors "$out")))"
  add "$key.rss_mib" "$(mib "$(field rss_max_kb "$out")")"
}

cluster_load_passage() {
  cluster_load_run cluster.passage "$BENCH_DIR/passage.lua" "$(passage_url)" "$PASSAGE_PID" "$1"
}

cluster_load_direct() {
  cluster_load_run cluster.direct "$BENCH_DIR/opensearch-replay.lua" "$(opensearch_cluster_url 1)" \
    "${OPENSEARCH_CLUSTER_PIDS[0]}" "$1" "$2"
}

# Compares two answer files of passage_check, query by query: totals and facet counts, and
# (reported beside, not a target: scores may differ) the page of hits. Prints every query whose
# counts differ.
compare_answers() {
  local embedded="$1" cluster="$2" q a b pa pb compared=0 mismatches=0 same_pages=0
  while IFS=$'\t' read -r q a pa && IFS=$'\t' read -r _ b pb <&3; do
    compared=$((compared + 1))
    if [[ "$a" == "$b" && "$a" != status* ]]; then
      [[ "$pa" != "$pb" ]] || same_pages=$((same_pages + 1))
    else
      mismatches=$((mismatches + 1))
      say "  counts differ for \"$q\":"
      say "    embedded:   ${a:0:400}"
      say "    OpenSearch: ${b:0:400}"
      RESULT[cluster.mismatched]+="${RESULT[cluster.mismatched]:+, }\"$q\""
    fi
  done <"$embedded" 3<"$cluster"
  RESULT[cluster.compared]="$compared"
  RESULT[cluster.mismatches]="$mismatches"
  RESULT[cluster.same_pages]="$same_pages"
  say "  $compared queries compared, $mismatches with other counts; the same page of hits for $same_pages"
}

measure_cluster() {
  local bulk="$WORK/cluster/bulk.ndjson" recorded="$WORK/cluster-requests.tsv" docs
  mkdir -p "$WORK/cluster"
  say "Exporting the documents Passage's OpenSearch engine sends, as a bulk file …"
  export_engine_bulk "$bulk" >"$WORK/logs/cluster-export.log" 2>&1 ||
    die "the export failed; see $WORK/logs/cluster-export.log."
  docs="$(sed -n 's/^\([0-9]*\) paragraphs.*/\1/p' "$WORK/logs/cluster-export.log")"
  [[ -n "$docs" ]] || die "the export printed no paragraph count; see $WORK/logs/cluster-export.log."
  RESULT[cluster.bulk.docs]="$docs"
  note_comment "two nodes on loopback, each so (n2 on the second port, both in discovery.seed_hosts):"
  note runuser -u "$OPENSEARCH_USER" -- env "OPENSEARCH_JAVA_HOME=$JAVA_HOME" \
    "OPENSEARCH_JAVA_OPTS=-Xms$OPENSEARCH_CLUSTER_HEAP -Xmx$OPENSEARCH_CLUSTER_HEAP" \
    "OPENSEARCH_PATH_CONF=$WORK/cluster/n1/config" \
    "$WORK/opensearch/opensearch-$OPENSEARCH_VERSION/bin/opensearch" -p "$WORK/cluster/n1/pid" \
    -E cluster.name=passage-bench -E node.name=n1 -E network.host=127.0.0.1 \
    -E http.port="$(opensearch_cluster_port 1)" -E transport.port="$(($(opensearch_cluster_port 1) + 100))" \
    -E discovery.seed_hosts="127.0.0.1:$(($(opensearch_cluster_port 1) + 100)),127.0.0.1:$(($(opensearch_cluster_port 2) + 100))" \
    -E cluster.initial_cluster_manager_nodes=n1,n2 \
    -E path.data="$WORK/cluster/n1/data" -E path.logs="$WORK/cluster/n1/logs" \
    -E cluster.routing.allocation.disk.threshold_enabled=false
  opensearch_cluster_start "$WORK"
  cluster_indexing "$bulk" "$docs"
  cluster_tagging
  cluster_record "$recorded"
  cluster_serve "$recorded"
  opensearch_cluster_stop "$WORK"
}
