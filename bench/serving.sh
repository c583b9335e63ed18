# Search over HTTP: serve's first answer, the loads (Passage, its in-process floor, suggestions)
# and OpenSearch alone on the same queries. Sourced by bench/run, whose RESULT holds what is
# measured.
# shellcheck shell=bash

# How soon `serve` on the existing index answers the first query, a fresh process each run.
measure_first_answer() {
  local run
  note_passage serve --articles "$CORPUS" --index "$WORK/passage/index" --host 127.0.0.1 --port "$PASSAGE_PORT"
  # A start is mostly CPU: other work on the machine shows in its wall time, so say how much.
  RESULT[first_answer_load]="$(cut -d' ' -f1-3 /proc/loadavg)"
  for ((run = 1; run <= RUNS; run++)); do
    passage_start "$CORPUS" "$WORK/passage/index" "$FIRST_QUERY" "$WORK/logs/passage-start-$run.log"
    add first_answer_s "$PASSAGE_FIRST_ANSWER_S"
    add first_answer_cpu_s "$PASSAGE_FIRST_ANSWER_CPU_S"
    say "Passage answered its first query $PASSAGE_FIRST_ANSWER_S s after starting, having used $PASSAGE_FIRST_ANSWER_CPU_S s of CPU (run $run of $RUNS)."
    passage_stop
  done
}

# Warm-up, then RUNS measured wrk runs against one server; memory sampled during each run.
# With "heap" after the pid, also the JVM's heap after each run (Passage's); with a function
# after that, the function with the run's number after each run, while the server idles.
#   load_server KEY SCRIPT URL PID [heap] [AFTER_EACH_RUN]
load_server() {
  local key="$1" script="$2" url="$3" pid="$4" heap="${5:-}" after="${6:-}" run out
  note_wrk "$script" "$url" "$WARMUP"
  note_wrk "$script" "$url" "$LOAD_SECONDS"
  say "Warming up $key for $WARMUP s …"
  load_run "$script" "$url" "$WARMUP" "$pid" "$WORK/logs/$key-warmup.log" >/dev/null
  for ((run = 1; run <= RUNS; run++)); do
    say "Loading $key for $LOAD_SECONDS s (run $run of $RUNS) …"
    out="$(load_run "$script" "$url" "$LOAD_SECONDS" "$pid" "$WORK/logs/$key-load-$run.log")"
    say "  $out"
    add "$key.rps" "$(calc '%.0f' "$(field rps "$out")")"
    add "$key.p50" "$(calc '%.2f' "$(field p50_ms "$out")")"
    add "$key.p99" "$(calc '%.2f' "$(field p99_ms "$out")")"
    add "$key.errors" "$(($(field non2xx "$out") + $(field socket_errors "$out")))"
    add "$key.rss_mib" "$(mib "$(field rss_max_kb "$out")")"
    RESULT[$key.hwm_mib]="$(mib "$(field hwm_kb "$out")")"
    if [[ "$heap" == heap ]]; then
      # jcmd after the run, not during it: attaching costs CPU that would show in the p99.
      out="$(passage_heap "$pid")"
      add "$key.heap_mib" "$(mib "$(field heap_used_kb "$out")")"
      add "$key.heap_committed_mib" "$(mib "$(field heap_committed_kb "$out")")"
    fi
    [[ -z "$after" ]] || "$after" "$run"
  done
}

# Passage serving the index over HTTP: every query checked once, then the load (and AFTER_EACH_RUN
# after each run, as load_server says).
#   serve_and_load KEY CORPUS INDEX [AFTER_EACH_RUN]
serve_and_load() {
  local key="$1" corpus="$2" index="$3" after="${4:-}"
  note_passage serve --articles "$corpus" --index "$index" --host 127.0.0.1 --port "$PASSAGE_PORT"
  say "Starting Passage on $(passage_url) …"
  passage_start "$corpus" "$index" "$FIRST_QUERY" "$WORK/logs/$key-serve.log"
  say "Checking every query once …"
  # The answers are kept: the OpenSearch engine's are compared with the embedded engine's.
  RESULT[$key.check]="$(passage_check "$QUERIES" "$WORK/answers-$key.tsv")"
  [[ "$(field non200 "${RESULT[$key.check]}")" == 0 ]] || say "bench: some queries failed on Passage; they count as errors."
  load_server "$key" "$BENCH_DIR/passage.lua" "$(passage_url)" "$PASSAGE_PID" heap "$after"
  [[ "$key" != passage ]] || measure_suggest
  passage_stop
}

# Suggestions (issue 17) on the server just loaded, whose suggester is built by then: prefixes of
# 2-7 letters cut from the queries' words, as a reader types them, asked by one connection (one
# reader typing) and by $CONNECTIONS; a short warm-up, then RUNS runs of each.
measure_suggest() {
  local prefixes="$WORK/prefixes.txt" c threads run out
  make_prefixes <"$QUERIES" >"$prefixes"
  RESULT[suggest.prefixes]="$(grep -c . "$prefixes")"
  for c in 1 "$CONNECTIONS"; do
    threads=$((c < WRK_THREADS ? c : WRK_THREADS))
    CONNECTIONS="$c" WRK_THREADS="$threads" note_wrk "$BENCH_DIR/suggest.lua" "$(passage_url)" "$LOAD_SECONDS" "$prefixes"
    say "Warming up suggestions at $c connection(s) …"
    CONNECTIONS="$c" WRK_THREADS="$threads" load_run "$BENCH_DIR/suggest.lua" "$(passage_url)" 10 \
      "$PASSAGE_PID" "$WORK/logs/suggest-$c-warmup.log" "$prefixes" >/dev/null
    for ((run = 1; run <= RUNS; run++)); do
      say "Loading suggestions at $c connection(s) for $LOAD_SECONDS s (run $run of $RUNS) …"
      out="$(CONNECTIONS="$c" WRK_THREADS="$threads" load_run "$BENCH_DIR/suggest.lua" "$(passage_url)" \
        "$LOAD_SECONDS" "$PASSAGE_PID" "$WORK/logs/suggest-$c-$run.log" "$prefixes")"
      say "  $out"
      add "suggest.c$c.rps" "$(calc '%.0f' "$(field rps "$out")")"
      add "suggest.c$c.p50" "$(calc '%.2f' "$(field p50_ms "$out")")"
      add "suggest.c$c.p99" "$(calc '%.2f' "$(field p99_ms "$out")")"
      add "suggest.c$c.errors" "$(($(field non2xx "$out") + $(field socket_errors "$out")))"
    done
  done
}

# Up to 400 prefixes of the words of a query list (stdin), 2 to 7 letters long, lengths taken in
# turn so that every length is asked as often.
make_prefixes() {
  awk '{ for (i = 1; i <= NF; i++) { w = tolower($i); gsub(/[^a-z]/, "", w); if (length(w) < 3) continue
         n++; len = 2 + n % 6; if (len > length(w)) len = length(w); print substr(w, 1, len) } }' | head -n 400
}

# The same searches in process, without HTTP: what the server could do at best on this machine.
# One run of it follows each run over HTTP at once, while the server idles, and the two make a
# pair: this machine's speed drifts by 10-20 % within minutes, and a share of the floor judged
# from runs far apart would measure the drift as much as the server.
#   floor_run RUN
floor_run() {
  local run="$1" out rps
  note_passage bench floor --index "$WORK/passage/index" --queries "$QUERIES" \
    --threads "$(nproc)" --warmup "$WARMUP" --seconds "$LOAD_SECONDS"
  say "Measuring the in-process floor (run $run of $RUNS) …"
  out="$(passage bench floor --index "$WORK/passage/index" --queries "$QUERIES" --threads "$(nproc)" \
    --warmup "$WARMUP" --seconds "$LOAD_SECONDS" 2>"$WORK/logs/floor-$run.log")" ||
    die "bench floor failed; see $WORK/logs/floor-$run.log."
  say "  $out"
  # "floor: 1234 queries/s, p50 1.23 ms, p99 4.56 ms (…)"
  rps="$(sed -n 's/^floor: \([0-9.]*\) queries.*/\1/p' <<<"$out")"
  add floor.rps "$rps"
  add floor.p50 "$(sed -n 's/.* p50 \([0-9.]*\) ms.*/\1/p' <<<"$out")"
  add floor.p99 "$(sed -n 's/.* p99 \([0-9.]*\) ms.*/\1/p' <<<"$out")"
  # This pair's share: the HTTP run just before over this floor run.
  add floor.share "$(ratio "${RESULT[passage.rps]##* }" "$rps" '%.6f')"
}

# OpenSearch: Passage's tagged paragraphs bulk-loaded RUNS times into a fresh index, then the load.
measure_opensearch() {
  local bulk="$BULK" docs="${RESULT[export.docs]}" run seconds dir="$WORK/opensearch"
  RESULT[os.docs]="$docs"
  opensearch_start "$WORK"
  note runuser -u "$OPENSEARCH_USER" -- env "OPENSEARCH_JAVA_HOME=$JAVA_HOME" \
    "OPENSEARCH_JAVA_OPTS=-Xms$OPENSEARCH_HEAP -Xmx$OPENSEARCH_HEAP" \
    "$dir/opensearch-$OPENSEARCH_VERSION/bin/opensearch" -p "$dir/pid" \
    -E discovery.type=single-node -E network.host=127.0.0.1 -E http.port="$OPENSEARCH_PORT" \
    -E path.data="$dir/data" -E path.logs="$dir/logs"
  note curl -X PUT "$(opensearch_url)/$OPENSEARCH_INDEX" -H 'Content-Type: application/json' \
    --data-binary @bench/opensearch-index.json
  note split -l $((2 * ${BULK_DOCS:-10000})) "$bulk" "$dir/bulk-parts/part-"
  note_comment "then each part, $(nproc) at a time, and a refresh; timed from the first part to the end of the refresh:"
  note curl -X POST "$(opensearch_url)/_bulk?filter_path=errors,items.*.error" \
    -H 'Content-Type: application/x-ndjson' --data-binary "@$dir/bulk-parts/part-NNNNN"
  note curl -X POST "$(opensearch_url)/$OPENSEARCH_INDEX/_refresh"
  for ((run = 1; run <= RUNS; run++)); do
    say "Bulk-loading OpenSearch (run $run of $RUNS) …"
    seconds="$(opensearch_load "$WORK" "$bulk" "$docs")"
    add os.index.seconds "$seconds"
    add os.index.rate "$(calc '%.0f' "$docs / $seconds")"
    say "  $docs paragraphs in $seconds s"
  done
  RESULT[os.hwm_after_load_mib]="$(mib "$(vm_kb "$OPENSEARCH_PID" VmHWM)")"
  RESULT[os.index.du_mib]="$(mib "$(du -sk "$dir/data" | cut -f1)")"
  say "Checking every query once …"
  RESULT[os.check]="$(opensearch_check "$QUERIES")"
  [[ "$(field non200 "${RESULT[os.check]}")" == 0 ]] || say "bench: some queries failed on OpenSearch; they count as errors."
  load_server os "$BENCH_DIR/opensearch.lua" "$(opensearch_url)" "$OPENSEARCH_PID"
  opensearch_stop "$WORK"
  keep_opensearch_logs os
}

# The node's own logs, copied to WORK/logs/opensearch-KEY once it has stopped: the growth step
# starts a node again in the same place, which clears them.
keep_opensearch_logs() {
  rm -rf "$WORK/logs/opensearch-$1"
  cp -r "$WORK/opensearch/logs" "$WORK/logs/opensearch-$1" 2>/dev/null || true
}
