# The report (docs/performance.md) and the summary printed at the end. Sourced by bench/run,
# whose RESULT, TARGETS and COMMANDS hold what was measured.
# shellcheck shell=bash disable=SC2016,SC2153

# Shares, given as one string of numbers, as percentages with one decimal: "48.5 %, 49.2 %"; "-"
# for none.
# shellcheck disable=SC2086 # the values, split on purpose
percents() {
  [[ -n "$1" && "$1" != - ]] || { printf -- '-'; return; }
  printf '%s\n' $1 | awk '{ printf "%s%.1f %%", (NR > 1 ? ", " : ""), $1 * 100 }'
}

# "median (run 1, run 2, …)" for one measured key, or "-" when it was not measured.
cell() {
  has "$1" || { printf -- '-'; return; }
  local values="${RESULT[$1]}"
  if [[ "$values" == *" "* ]]; then
    printf '%s (%s)' "$(med "$1")" "$(runs_of "$1")"
  else
    printf '%s' "$values"
  fi
}

# The report's check line for one engine: "300 queries, all 200; 12 without a hit; 123,456 hits".
check_line() {
  has "$1" || { printf 'not run'; return; }
  local c="${RESULT[$1]}"
  printf '%s queries, %s answered other than 200, %s without a hit, %s hits in all' \
    "$(field queries "$c")" "$(field non200 "$c")" "$(field no_hits "$c")" "$(field hits "$c")"
}

# Markdown table rows: row LABEL CELL…
row() {
  local line="| $1 |"
  shift
  for c in "$@"; do line+=" $c |"; done
  printf '%s\n' "$line"
}

write_report() {
  local n="${RESULT[base.paragraphs]}" t what measured result
  cat <<EOF
# Performance

Measured by \`$COMMAND_LINE\` on ${RESULT[date]}, Passage at commit ${RESULT[commit]}; the run took
${RESULT[duration_min]} minutes. [bench/README.md](../bench/README.md) says how to run it again and
what each number means. Each cell is the median of the runs, with every run's value in brackets.

## Machine

| | |
|---|---|
| CPU | ${RESULT[cpu]}, ${RESULT[cores]} cores (shared by the server and the load generator) |
| memory | ${RESULT[memory]} |
| load average (1, 5, 15 min) | ${RESULT[load_before]} before the run, ${RESULT[load_after]} after it (the run itself keeps about 2 busy) |
| system | ${RESULT[os]} |
| Java | ${RESULT[java]}; Passage run by \`./passage\` with \`PASSAGE_JAVA_OPTS='$PASSAGE_JVM'\` (the launcher adds the parallel collector, a class-data archive per command and serve's trained start-up cache) |
| OpenSearch | $( ((SKIP_OPENSEARCH)) && printf 'not measured (--skip-opensearch)' || printf '%s (integ-test distribution, Lucene 10.4.0), single node, `-Xms%s -Xmx%s`' "$OPENSEARCH_VERSION" "$OPENSEARCH_HEAP" "$OPENSEARCH_HEAP") |
| load | ${RESULT[wrk]}, $CONNECTIONS connections on $WRK_THREADS threads; $WARMUP s warm-up, then $RUNS runs of $LOAD_SECONDS s per server |

## Targets

| target | measured | |
|---|---|---|
EOF
  for t in "${TARGETS[@]}"; do
    IFS='|' read -r what measured result <<<"$t"
    row "$what" "$measured" "**$result**"
  done
  cat <<EOF

## Corpus and queries

- Corpus: \`$(basename "$CORPUS")\`: ${RESULT[base.articles]} articles, $n paragraphs as Passage indexes
  them.$(has os.docs && printf ' OpenSearch gets the same paragraphs with the same tags, %s documents, from Passage'"'"'s bulk export (`passage bench export`).' "${RESULT[os.docs]}")
- Queries: ${RESULT[queries]} one- and two-word queries drawn from the titles (\`passage bench queries
  --seed 1\`); each request asks page 1 of 10 hits with snippets and the four facet dimensions.
- Every query asked once before the load. Passage: $(check_line passage.check).
  OpenSearch: $(check_line os.check).$(has growth.http.check && printf '\n  Passage ×%s: %s.' "$TIMES" "$(check_line growth.http.check)")

## Indexing $n paragraphs

Passage: \`passage index\`, the whole process (JVM start, reading, cleaning, tagging, writing,
commit) under \`/usr/bin/time -v\`. OpenSearch: the bulk requests, $(nproc) at a time, and the
final refresh, into a fresh index with refresh off during the load; the tags come ready-made.

| | Passage (tagging on) | OpenSearch bulk | Passage / OpenSearch |
|---|---|---|---|
EOF
  row "wall time, s" "$(cell base.index.seconds)" "$(cell os.index.seconds)" ""
  row "paragraphs/s" "$(cell base.index.rate)" "$(cell os.index.rate)" "$(ratio "$(med base.index.rate)" "$(med os.index.rate)")"
  row "peak resident memory, MiB (Passage: max RSS of the process; OpenSearch: the node's VmHWM after the loads)" \
    "$(cell base.index.rss_mib)" "${RESULT[os.hwm_after_load_mib]:--}" \
    "$(ratio "$(med base.index.rss_mib)" "${RESULT[os.hwm_after_load_mib]:--}")"
  row "index on disk, MiB" "${RESULT[base.index.du_mib]:--}" "${RESULT[os.index.du_mib]:--}" \
    "$(ratio "${RESULT[base.index.du_mib]:--}" "${RESULT[os.index.du_mib]:--}")"
  if has warm.index.seconds; then
    cat <<EOF

Inside a running server, as OpenSearch indexes (its node stays up between loads; \`passage index\`
starts a JVM, and compiles its code, each run): $RUNS rebuilds by \`POST /api/admin/reindex\` in one
\`passage serve\`, each timed by the server from the start of the build to the new index being
served. Not what the target is judged on.

| | Passage, reindex in serve | OpenSearch bulk | Passage / OpenSearch |
|---|---|---|---|
EOF
    row "wall time, s" "$(cell warm.index.seconds)" "$(cell os.index.seconds)" ""
    row "paragraphs/s" "$(cell warm.index.rate)" "$(cell os.index.rate)" "$(ratio "$(med warm.index.rate)" "$(med os.index.rate)")"
  fi
  if has floor.index.seconds; then
    cat <<EOF

The floor under both: the same bulk file indexed by bare Lucene in one JVM with OpenSearch's
mapping, $(nproc) threads, no tagging, no index sort, no merge (\`passage bench index-floor\`, timed
from opening the file to the end of the commit): $(cell floor.index.seconds) s,
$(cell floor.index.rate) documents/s, $(ratio "$(med floor.index.rate)" "$(med os.index.rate)")× OpenSearch's bulk rate.
EOF
  fi
  cat <<EOF

## Search over HTTP at $n paragraphs

Resident memory is sampled from \`/proc/PID/status\` once a second during each run (VmRSS, the
largest sample) and read after it (VmHWM, the peak since the process started). Passage's heap is
read with \`jcmd PID GC.heap_info\` after each run. Errors are answers of 400 or more and socket
errors (connect, read, write, timeout after ${WRK_TIMEOUT} s), added up over the runs.

| | Passage | OpenSearch | Passage / OpenSearch |
|---|---|---|---|
EOF
  row "requests/s" "$(cell passage.rps)" "$(cell os.rps)" "$(ratio "$(med passage.rps)" "$(med os.rps)")"
  row "p50, ms" "$(cell passage.p50)" "$(cell os.p50)" "$(ratio "$(med passage.p50)" "$(med os.p50)")"
  row "p99, ms" "$(cell passage.p99)" "$(cell os.p99)" "$(ratio "$(med passage.p99)" "$(med os.p99)")"
  row "errors" "$(sum_of passage.errors)" "$(sum_of os.errors)" ""
  row "resident memory under load, MiB" "$(cell passage.rss_mib)" "$(cell os.rss_mib)" \
    "$(ratio "$(med passage.rss_mib)" "$(med os.rss_mib)")"
  row "peak resident memory (VmHWM), MiB" "${RESULT[passage.hwm_mib]:--}" "${RESULT[os.hwm_mib]:--}" \
    "$(ratio "${RESULT[passage.hwm_mib]:--}" "${RESULT[os.hwm_mib]:--}")"
  row "heap used after a run, MiB" "$(cell passage.heap_mib)" "-" ""
  row "heap committed after a run, MiB" "$(cell passage.heap_committed_mib)" "$(has os.rps && printf 'fixed at -Xmx%s' "$OPENSEARCH_HEAP" || printf -- -)" ""
  cat <<EOF

## The in-process floor

\`passage bench floor\`: the same requests on $(nproc) threads inside one JVM, with no HTTP and no
JSON, on the same index: the most the server could answer on this machine. Each floor run follows
one run over HTTP at once (the server idles meanwhile); HTTP / floor is the median of those pairs'
ratios ($(percents "${RESULT[floor.share]:-}")).

| | floor | over HTTP | HTTP / floor |
|---|---|---|---|
EOF
  row "queries/s" "$(cell floor.rps)" "$(med passage.rps)" "$(percents "$(med_exact floor.share)")"
  row "p50, ms" "$(cell floor.p50)" "$(med passage.p50)" ""
  row "p99, ms" "$(cell floor.p99)" "$(med passage.p99)" ""
  if has growth.paragraphs; then
    cat <<EOF

## Growth: the corpus ×$TIMES

\`passage bench replicate --times $TIMES\`: every article $TIMES times, ids and dates shifted (synthetic
text, labelled so). Indexed once; the same queries and load as above.

| | ×1 | ×$TIMES |
|---|---|---|
EOF
    row "paragraphs" "$n" "${RESULT[growth.paragraphs]}"
    row "indexing, paragraphs/s" "$(med base.index.rate)" "$(cell growth.index.rate)"
    row "indexing wall time, s" "$(med base.index.seconds)" "$(cell growth.index.seconds)"
    row "indexing peak resident memory, MiB" "$(med base.index.rss_mib)" "$(cell growth.index.rss_mib)"
    row "index on disk, MiB" "${RESULT[base.index.du_mib]}" "${RESULT[growth.index.du_mib]}"
    row "requests/s" "$(med passage.rps)" "$(cell growth.http.rps)"
    row "p50, ms" "$(med passage.p50)" "$(cell growth.http.p50)"
    row "p99, ms" "$(med passage.p99)" "$(cell growth.http.p99)"
    row "errors" "$(sum_of passage.errors)" "$(sum_of growth.http.errors)"
    row "heap used after a run, MiB" "$(med passage.heap_mib)" "$(cell growth.http.heap_mib)"
    row "resident memory under load, MiB" "$(med passage.rss_mib)" "$(cell growth.http.rss_mib)"
    row "peak resident memory (VmHWM), MiB" "${RESULT[passage.hwm_mib]}" "${RESULT[growth.http.hwm_mib]}"
  fi
  cat <<EOF

## Serve's first answer

\`passage serve\` on the existing $n-paragraph index, a new process each run, the index files in the
page cache: seconds from starting the process to the first 200 answer to the query
"$FIRST_QUERY" (polled every 20 ms): $(cell first_answer_s); the CPU seconds the process had used by
then, all its threads (the JIT compilers' included): $(cell first_answer_cpu_s). The load average
before these runs was ${RESULT[first_answer_load]:--}: a start is mostly CPU, so other work on the
machine lengthens its wall time, hardly its CPU time. The launcher trained \`serve\`'s start-up cache
(an AOT cache on JDK 25+, a class-data archive before) once the benchmark's build was done, so every
run starts from it, the first included.

## Commands

What \`$COMMAND_LINE\` ran, from the repository (the work dir held the scratch files):

\`\`\`sh
EOF
  printf '%s\n' "${COMMANDS[@]}"
  printf '%s\n' '```'
}

# shellcheck disable=SC2086 # the runs' values, split on purpose
sum_of() { if has "$1"; then sum ${RESULT[$1]}; else printf -- '-'; fi; }

# The compact summary on stdout.
print_summary() {
  local n="${RESULT[base.paragraphs]}" t what measured result
  printf '\nPassage benchmark: %s, %s paragraphs, %s queries; median of %s run(s) of %s s at %s connections\n' \
    "$(basename "$CORPUS")" "$n" "${RESULT[queries]}" "$RUNS" "$LOAD_SECONDS" "$CONNECTIONS"
  printf '%-34s %12s %12s %12s\n' "" Passage OpenSearch "Passage/OS"
  summary_row "indexing, paragraphs/s" base.index.rate os.index.rate
  if has warm.index.rate; then summary_row "indexing in serve, paragraphs/s" warm.index.rate os.index.rate; fi
  summary_row "requests/s" passage.rps os.rps
  summary_row "p50, ms" passage.p50 os.p50
  summary_row "p99, ms" passage.p99 os.p99
  printf '%-34s %12s %12s\n' "errors" "$(sum_of passage.errors)" "$(sum_of os.errors)"
  summary_row "resident memory under load, MiB" passage.rss_mib os.rss_mib
  printf '%-34s %12s %12s %12s\n' "peak resident (VmHWM), MiB" "${RESULT[passage.hwm_mib]:--}" \
    "${RESULT[os.hwm_mib]:--}" "$(ratio "${RESULT[passage.hwm_mib]:--}" "${RESULT[os.hwm_mib]:--}")"
  printf '%-34s %12s\n' "heap used after a run, MiB" "$(med passage.heap_mib)"
  printf 'floor (in process): %s queries/s, p50 %s ms, p99 %s ms\n' \
    "$(med floor.rps)" "$(med floor.p50)" "$(med floor.p99)"
  if has floor.index.rate; then
    printf 'indexing floor (bare Lucene, OpenSearch mapping, tags ready-made): %s documents/s, %s s\n' \
      "$(med floor.index.rate)" "$(med floor.index.seconds)"
  fi
  if has growth.paragraphs; then
    printf '×%s: %s paragraphs, indexing %s paragraphs/s, index %s MiB, %s requests/s, p50 %s ms, p99 %s ms, %s errors, heap %s MiB\n' \
      "$TIMES" "${RESULT[growth.paragraphs]}" "$(med growth.index.rate)" "${RESULT[growth.index.du_mib]}" \
      "$(med growth.http.rps)" "$(med growth.http.p50)" "$(med growth.http.p99)" \
      "$(sum_of growth.http.errors)" "$(med growth.http.heap_mib)"
  fi
  printf 'first answer after serve starts: %s s (runs: %s), CPU %s s (runs: %s)\n' "$(med first_answer_s)" \
    "$(runs_of first_answer_s)" "$(med first_answer_cpu_s)" "$(runs_of first_answer_cpu_s)"
  printf 'targets:\n'
  for t in "${TARGETS[@]}"; do
    IFS='|' read -r what measured result <<<"$t"
    printf '  %-13s %s: %s\n' "$result" "$what" "$measured"
  done
}

summary_row() {
  printf '%-34s %12s %12s %12s\n' "$1" "$(med "$2")" "$(med "$3")" "$(ratio "$(med "$2")" "$(med "$3")")"
}
