# Sourced by bench/run, after opensearch.sh.
# shellcheck shell=bash

# Growth (issue 19): for each size N of --times, the corpus replicated N times (ids and dates
# shifted), indexed once by Passage, served and loaded; then the same paragraphs, read back from
# Passage's index, bulk-loaded once into a fresh OpenSearch node and loaded alike. Both engines get
# the same documents, queries and load at each size, side by side in one run, so that the ratio
# is not one of two days. Each size's scratch files go before the next: at ×50 the corpus is about
# 1 GB, the bulk file about 5 GB; the indexes stay until all sizes are done.
measure_growth() {
  local size
  for size in "${GROWTH_SIZES[@]}"; do
    measure_growth_size "$size"
  done
  for size in "${GROWTH_SIZES[@]}"; do
    rm -rf "$WORK/passage/index-x$size"
  done
}

# The heaps at size N: the issue's ×50 baseline gave Passage -Xmx1g and OpenSearch 2 GB; up to ×10
# Passage keeps the 256 MB of the base run and OpenSearch its 1 GB. Prints "PASSAGE_JVM|HEAP".
growth_heaps() {
  if (($1 <= 10)); then
    printf '%s|%s' "-Xms64m -Xmx256m" 1g
  else
    printf '%s|%s' "-Xms64m -Xmx1g" 2g
  fi
}

#   measure_growth_size N
measure_growth_size() {
  local size="$1" key="growth.x$1" corpus="$WORK/corpus-x$1.jsonl" index="$WORK/passage/index-x$1"
  local heaps base_jvm="$PASSAGE_JVM"
  heaps="$(growth_heaps "$size")"
  RESULT[$key.passage_jvm]="${heaps%%|*}"
  say "Replicating the corpus $size times …"
  note_passage bench replicate --articles "$CORPUS" --out "$corpus" --times "$size"
  passage bench replicate --articles "$CORPUS" --out "$corpus" --times "$size" \
    >"$WORK/logs/$key-replicate.log" 2>&1 || die "bench replicate failed; see $WORK/logs/$key-replicate.log."
  # The heap for this size, for indexing, serving and the export alike; the base run's after.
  PASSAGE_JVM="${heaps%%|*}"
  index_passage "$key" "$corpus" "$index" 1
  serve_and_load "$key.http" "$corpus" "$index"
  # serve_and_load's start: on an index just written, so in the page cache, as at ×1.
  RESULT[$key.first_answer_s]="$PASSAGE_FIRST_ANSWER_S"
  RESULT[$key.first_answer_cpu_s]="$PASSAGE_FIRST_ANSWER_CPU_S"
  # serve read the corpus beside the index (it compares the two as it starts); nothing does now.
  rm -f "$corpus"
  ((SKIP_OPENSEARCH)) || growth_opensearch "$size" "$index" "${heaps##*|}"
  PASSAGE_JVM="$base_jvm"
}

# OpenSearch at one size: Passage's index of it exported as a bulk file (its own paragraphs and
# tags, read back, not tagged again), one bulk load into a fresh node, the check and the load as
# measure_opensearch does them; then the node stops and its data, the bulk file and its parts go.
#   growth_opensearch N INDEX HEAP
growth_opensearch() {
  local size="$1" index="$2" key="growth.x$1.os" dir="$WORK/opensearch" bulk docs seconds
  local base_heap="$OPENSEARCH_HEAP" log="$WORK/logs/growth.x$1-export.log"
  bulk="$dir/bulk-x$size.ndjson"
  mkdir -p "$dir"
  say "Exporting the ×$size index's paragraphs and tags as a bulk file …"
  note_passage bench export --from-index "$index" --out "$bulk"
  passage bench export --from-index "$index" --out "$bulk" >"$log" 2>&1 || die "the export failed; see $log."
  docs="$(sed -n 's/^\([0-9]*\) paragraphs.*/\1/p' "$log")"
  [[ -n "$docs" ]] || die "the export printed no paragraph count; see $log."
  RESULT[$key.docs]="$docs"
  [[ "$docs" == "${RESULT[growth.x$size.paragraphs]}" ]] ||
    say "bench: OpenSearch gets $docs paragraphs at ×$size, Passage indexed ${RESULT[growth.x$size.paragraphs]}."
  OPENSEARCH_HEAP="$3"
  RESULT[$key.heap]="$OPENSEARCH_HEAP"
  note_comment "×$size: a fresh node as above with OPENSEARCH_JAVA_OPTS='-Xms$OPENSEARCH_HEAP -Xmx$OPENSEARCH_HEAP', the bulk file loaded once, the same load"
  opensearch_start "$WORK"
  # The bulk file goes once it is split into requests: at ×50 both would need about 10 GB.
  say "Bulk-loading OpenSearch with the ×$size paragraphs …"
  seconds="$(opensearch_load "$WORK" "$bulk" "$docs" remove)"
  rm -rf "$dir/bulk-parts"
  RESULT[$key.index.seconds]="$seconds"
  RESULT[$key.index.rate]="$(calc '%.0f' "$docs / $seconds")"
  RESULT[$key.index.du_mib]="$(mib "$(du -sk "$dir/data" | cut -f1)")"
  say "  $docs paragraphs in $seconds s"
  say "Checking every query once …"
  RESULT[$key.check]="$(opensearch_check "$QUERIES")"
  [[ "$(field non200 "${RESULT[$key.check]}")" == 0 ]] || say "bench: some queries failed on OpenSearch; they count as errors."
  load_server "$key" "$BENCH_DIR/opensearch.lua" "$(opensearch_url)" "$OPENSEARCH_PID"
  opensearch_stop "$WORK"
  keep_opensearch_logs "$key"
  rm -rf "$dir/data"
  OPENSEARCH_HEAP="$base_heap"
}
