# The report (docs/performance.md) and the summary printed at the end. Sourced by bench/run,
# whose RESULT, TARGETS and COMMANDS hold what was measured.
# shellcheck shell=bash disable=SC2016,SC2153

# Shares, given as one string of numbers, as percentages with one decimal: "48.5 %, 49.2 %"; "-"
# for none.
# The load averages around each run of KEY ("1.2→3.4" each), in one cell: "1.2→3.4, 2.0→2.5".
loads() { if has "$1"; then runs_of "$1"; else printf -- '-'; fi; }

# Ratios, given as one string of numbers, to two places: "0.98, 1.02"; "-" for none.
# shellcheck disable=SC2086 # the values, split on purpose
two_places_each() {
  [[ -n "$1" && "$1" != - ]] || { printf -- '-'; return; }
  printf '%s\n' $1 | awk '{ printf "%s%.2f", (NR > 1 ? ", " : ""), $1 }'
}

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
| OpenSearch cluster | $( ((SKIP_CLUSTER)) && printf 'not measured (--skip-cluster)' || printf '%s, two nodes on loopback (both cluster-manager eligible, data), `-Xms%s -Xmx%s` each; Passage'"'"'s index in 2 primary shards and 1 replica' "$OPENSEARCH_VERSION" "$OPENSEARCH_CLUSTER_HEAP" "$OPENSEARCH_CLUSTER_HEAP") |
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
  OpenSearch: $(check_line os.check).$(growth_check_lines)

## Indexing $n paragraphs

Passage: \`passage index\`, the whole process (JVM start, reading, cleaning, tagging, writing,
commit) under \`/usr/bin/time -v\`. On JDK 25+ the first run after a build of Passage also records
what the JVM learns and makes \`index\`'s AOT cache from it (the launcher), which the later runs
use. One run before the measured ones, not among them, takes that cost where a build left it:
${RESULT[first.index.seconds]:--} s. OpenSearch: the bulk requests, $(nproc) at a time, and the
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
served; the median of these against the floor's (below) is what the rebuild-in-serve target is
judged on.

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
$(cell floor.index.rate) documents/s, $(ratio "$(med floor.index.rate)" "$(med os.index.rate)")× OpenSearch's bulk rate;
the whole process, JVM start included, as \`passage index\` is timed: $(cell floor.index.wall_s) s.
Each run of \`passage index\` made a pair with one of the floor's, the order alternating; the
build target is judged on the median of the pairs' ratios (Passage's whole process over the
floor's): $(two_places "$(med_exact base.build_share)")× ($(two_places_each "${RESULT[base.build_share]:-}")).
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
  if has suggest.c1.rps; then
    cat <<EOF

## Suggestions as you type

\`GET /api/suggest?q=PREFIX&size=8\` on the same server after the search load, ${RESULT[suggest.prefixes]}
prefixes of 2-7 letters cut from the queries' words (\`bench/suggest.lua\`), 10 s of warm-up, then
$RUNS runs of $LOAD_SECONDS s at each number of connections; \`wrk\` shares the cores with the server.

| connections | requests/s | p50, ms | p99, ms | errors |
|---|---|---|---|---|
EOF
    row 1 "$(cell suggest.c1.rps)" "$(cell suggest.c1.p50)" "$(cell suggest.c1.p99)" "$(sum_of suggest.c1.errors)"
    row "$CONNECTIONS" "$(cell "suggest.c$CONNECTIONS.rps")" "$(cell "suggest.c$CONNECTIONS.p50")" \
      "$(cell "suggest.c$CONNECTIONS.p99")" "$(sum_of "suggest.c$CONNECTIONS.errors")"
  fi
  if has_growth; then write_growth_section; fi
  if has cluster.bulk.rate; then write_cluster_section; fi
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

# Whether the growth step ran (its first size was indexed).
has_growth() { has "growth.x${GROWTH_SIZES[0]}.paragraphs"; }

# The growth sizes' check lines, for the list under "Corpus and queries".
growth_check_lines() {
  local size
  for size in "${GROWTH_SIZES[@]}"; do
    if has "growth.x$size.http.check"; then
      printf '\n  Passage ×%s: %s.' "$size" "$(check_line "growth.x$size.http.check")"
    fi
    if has "growth.x$size.os.check"; then
      printf '\n  OpenSearch ×%s: %s.' "$size" "$(check_line "growth.x$size.os.check")"
    fi
  done
}

# The growth figures of one size as the summary table and the plot take them, "-" for what was not
# measured: "LABEL PARAGRAPHS P_RPS P_P50 P_P99 P_HWM FIRST OS_RPS OS_P50 OS_P99 OS_HWM RATIO".
# Size 1 is the base run: the runs of the sections above.
#   growth_figures N
growth_figures() {
  local p=passage os=os paragraphs="${RESULT[base.paragraphs]:--}" first
  first="$(med first_answer_s)"
  if (($1 != 1)); then
    p="growth.x$1.http"
    os="growth.x$1.os"
    paragraphs="${RESULT[growth.x$1.paragraphs]:--}"
    first="${RESULT[growth.x$1.first_answer_s]:--}"
  fi
  printf '×%s %s %s %s %s %s %s %s %s %s %s %s\n' "$1" "$paragraphs" \
    "$(med "$p.rps")" "$(med "$p.p50")" "$(med "$p.p99")" "${RESULT[$p.hwm_mib]:--}" "$first" \
    "$(med "$os.rps")" "$(med "$os.p50")" "$(med "$os.p99")" "${RESULT[$os.hwm_mib]:--}" \
    "$(ratio "$(med "$p.rps")" "$(med "$os.rps")")"
}

# Issue 19: Passage and OpenSearch on the corpus replicated, size by size: a small table of the
# medians, the plot beside the report, and every figure with its runs.
write_growth_section() {
  local size label paragraphs prps pp50 pp99 phwm first osrps osp50 osp99 oshwm rps_ratio header="| |" rule="|---|"
  cat <<EOF

## Growth

\`passage bench replicate --times N\` for N = $(growth_list): every article N times, ids and dates
shifted (synthetic text, labelled so), indexed once by Passage (\`passage index\`, one run),
served, checked and loaded as at ×1 with the same queries; Passage's heap \`$(growth_heaps 10 | cut -d'|' -f1)\` up to
×10, \`$(growth_heaps 11 | cut -d'|' -f1)\` above. $(growth_opensearch_text) The ×1 row is the runs above. First answer: seconds from starting
\`passage serve\` on the index just written to its first 200 answer (one start per size; at ×1
the median of the starts in "Serve's first answer"). The table gives medians; the one after it,
each run's value.

![Requests/s and p99 against paragraphs (log scale), Passage and OpenSearch](growth.svg)

| | paragraphs | Passage requests/s | p50, ms | p99, ms | VmHWM, MiB | first answer, s | OpenSearch requests/s | p50, ms | p99, ms | VmHWM, MiB | requests/s Passage / OpenSearch |
|---|---|---|---|---|---|---|---|---|---|---|---|
EOF
  for size in 1 "${GROWTH_SIZES[@]}"; do
    read -r label paragraphs prps pp50 pp99 phwm first osrps osp50 osp99 oshwm rps_ratio < <(growth_figures "$size")
    row "$label" "$paragraphs" "$prps" "$pp50" "$pp99" "$phwm" "$first" "$osrps" "$osp50" "$osp99" "$oshwm" "$rps_ratio"
  done
  for size in 1 "${GROWTH_SIZES[@]}"; do
    header+=" ×$size |"
    rule+="---|"
  done
  printf '\n%s\n%s\n' "$header" "$rule"
  growth_row "paragraphs" "${RESULT[base.paragraphs]:--}" paragraphs raw
  growth_row "Passage: heap setting" "\`$PASSAGE_JVM\`" passage_jvm code
  growth_row "Passage: indexing wall time, s" "$(med base.index.seconds)" index.seconds
  growth_row "Passage: indexing, paragraphs/s" "$(med base.index.rate)" index.rate
  growth_row "Passage: indexing peak resident memory, MiB" "$(med base.index.rss_mib)" index.rss_mib
  growth_row "Passage: index on disk, MiB" "${RESULT[base.index.du_mib]:--}" index.du_mib raw
  growth_row "Passage: requests/s" "$(med passage.rps)" http.rps
  growth_row "Passage: p50, ms" "$(med passage.p50)" http.p50
  growth_row "Passage: p99, ms" "$(med passage.p99)" http.p99
  growth_row "Passage: errors" "$(sum_of passage.errors)" http.errors sum
  growth_row "Passage: heap used after a run, MiB" "$(med passage.heap_mib)" http.heap_mib
  growth_row "Passage: resident memory under load, MiB" "$(med passage.rss_mib)" http.rss_mib
  growth_row "Passage: peak resident memory (VmHWM), MiB" "${RESULT[passage.hwm_mib]:--}" http.hwm_mib raw
  growth_row "Passage: first answer, s" "$(med first_answer_s)" first_answer_s raw
  growth_row "Passage: CPU used by then, s" "$(med first_answer_cpu_s)" first_answer_cpu_s raw
  if ((SKIP_OPENSEARCH)); then
    printf '\nOpenSearch: not measured (--skip-opensearch).\n'
    return
  fi
  growth_row "OpenSearch: heap" "$OPENSEARCH_HEAP" os.heap raw
  growth_row "OpenSearch: paragraphs loaded" "${RESULT[os.docs]:--}" os.docs raw
  growth_row "OpenSearch: bulk load, s" "$(med os.index.seconds)" os.index.seconds
  growth_row "OpenSearch: bulk load, paragraphs/s" "$(med os.index.rate)" os.index.rate
  growth_row "OpenSearch: index on disk, MiB" "${RESULT[os.index.du_mib]:--}" os.index.du_mib raw
  growth_row "OpenSearch: requests/s" "$(med os.rps)" os.rps
  growth_row "OpenSearch: p50, ms" "$(med os.p50)" os.p50
  growth_row "OpenSearch: p99, ms" "$(med os.p99)" os.p99
  growth_row "OpenSearch: errors" "$(sum_of os.errors)" os.errors sum
  growth_row "OpenSearch: resident memory under load, MiB" "$(med os.rss_mib)" os.rss_mib
  growth_row "OpenSearch: peak resident memory (VmHWM), MiB" "${RESULT[os.hwm_mib]:--}" os.hwm_mib raw
}

# What OpenSearch did at the growth sizes, for the text of the section.
growth_opensearch_text() {
  if ((SKIP_OPENSEARCH)); then
    printf 'OpenSearch: not measured (--skip-opensearch).'
    return
  fi
  printf '%s' "Then OpenSearch on the very same documents: the paragraphs and tags of that index, read
back from it (\`passage bench export --from-index\`, no tagging again), bulk-loaded once into a
fresh node as above ($(nproc) requests at a time, refresh off; heap $(growth_heaps 10 | cut -d'|' -f2) up to ×10, $(growth_heaps 11 | cut -d'|' -f2) above),
checked and loaded alike: at each size both engines, one after the other, in the same run."
}

# The growth sizes for a sentence: "10, 50".
growth_list() { local IFS=,; printf '%s' "${GROWTH_SIZES[*]}" | sed 's/,/, /g'; }

# One row of the growth details: LABEL, the ×1 cell, then growth.xN.SUFFIX for each size: the
# median with the runs (cell, the default), the value as it is (raw, or code: in backquotes), or
# the runs added up (sum).
#   growth_row LABEL BASE_CELL SUFFIX [raw|code|sum]
growth_row() {
  local line size key
  line="| $1 | $2 |"
  for size in "${GROWTH_SIZES[@]}"; do
    key="growth.x$size.$3"
    case "${4:-}" in
      raw) line+=" ${RESULT[$key]:--} |" ;;
      code) if has "$key"; then line+=" \`${RESULT[$key]}\` |"; else line+=" - |"; fi ;;
      sum) line+=" $(sum_of "$key") |" ;;
      *) line+=" $(cell "$key") |" ;;
    esac
  done
  printf '%s\n' "$line"
}

# The growth plot, an SVG on stdout: requests/s and p99 against paragraphs (log scale), a panel
# each, a line per engine in each, every point labelled with its value and every line with its
# engine. Drawn here with awk so that the benchmark needs nothing more (no gnuplot).
write_growth_svg() {
  local size
  for size in 1 "${GROWTH_SIZES[@]}"; do
    growth_figures "$size"
  done | awk -v title="$(basename "$CORPUS"), ${RESULT[date]}, Passage at ${RESULT[commit]%% *}" '
    function esc(t) { gsub(/&/, "\\&amp;", t); gsub(/</, "\\&lt;", t); gsub(/>/, "\\&gt;", t); return t }
    function lg(v) { return log(v) / log(10) }
    function px(v) { return X0 + (lg(v) - LX0) / (LX1 - LX0) * PW }
    function py(v, top) { return top > 0 ? Y0 + PH - v / top * PH : Y0 + PH }
    # A step of 1, 2, 2.5 or 5 times a power of ten giving about five intervals up to v.
    function nice_step(v,   raw, mag, f) {
      if (v <= 0) return 1
      raw = v / 5; mag = 10 ^ int(lg(raw)); if (mag > raw) mag /= 10
      f = raw / mag
      return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag
    }
    function num(v) { return v >= 100 ? sprintf("%.0f", v) : sprintf("%.3g", v) }
    function decade(e) {
      return e >= 6 ? sprintf("%gM", 10 ^ (e - 6)) : e >= 3 ? sprintf("%gk", 10 ^ (e - 3)) : sprintf("%g", 10 ^ e)
    }
    # One panel: axes, grid, the size markers and one line per engine (columns P and O of the input).
    function panel(i, name, P, O,   top, step, k, e, m, x, y, n, pts, lastx, lasty, endy, c, col, eng, shift, other, above) {
      X0 = 80 + i * 450
      top = 0
      for (k = 1; k <= N; k++) {
        if (val[k, P] != "-" && val[k, P] + 0 > top) top = val[k, P] + 0
        if (val[k, O] != "-" && val[k, O] + 0 > top) top = val[k, O] + 0
      }
      step = nice_step(top * 1.15); top = step * (int(top * 1.15 / step) + 1)
      printf "<text x=\"%.1f\" y=\"%d\" font-weight=\"bold\">%s</text>\n", X0, Y0 - 22, name
      for (y = 0; y <= top + step / 2; y += step) {
        printf "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", X0, py(y, top), X0 + PW, py(y, top)
        printf "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%g</text>\n", X0 - 6, py(y, top) + 4, y
      }
      for (e = LX0; e <= LX1; e++) {
        x = X0 + (e - LX0) / (LX1 - LX0) * PW
        printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#bbb\"/>\n", x, Y0, x, Y0 + PH
        printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, Y0 + PH + 16, decade(e)
        if (e < LX1) for (m = 2; m <= 9; m++) {
          x = px(m * 10 ^ e)
          printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>\n", x, Y0, x, Y0 + PH
        }
      }
      for (k = 1; k <= N; k++) {
        x = px(val[k, 2])
        printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"2,3\"/>\n", x, Y0, x, Y0 + PH
        printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>\n", x, Y0 - 6, val[k, 1]
      }
      printf "<rect x=\"%.1f\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>\n", X0, Y0, PW, PH
      printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">paragraphs (log scale)</text>\n", X0 + PW / 2, Y0 + PH + 34
      endy[0] = -1000
      for (c = 0; c < 2; c++) {
        col = c ? O : P; eng = c ? "OpenSearch" : "Passage"
        pts = ""; n = 0
        for (k = 1; k <= N; k++) {
          if (val[k, col] == "-") continue
          pts = pts sprintf("%.1f,%.1f ", px(val[k, 2]), py(val[k, col], top)); n++
          lastx = px(val[k, 2]); lasty = py(val[k, col], top)
        }
        if (n == 0) continue
        have[c] = 1
        printf "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>\n", pts, color[c], c ? " stroke-dasharray=\"6,4\"" : ""
        for (k = 1; k <= N; k++) {
          if (val[k, col] == "-") continue
          x = px(val[k, 2]); y = py(val[k, col], top)
          if (c) printf "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" fill=\"%s\"/>\n", x - 3.5, y - 3.5, color[c]
          else printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>\n", x, y, color[c]
          # The higher of the two points at a size is labelled above, the lower below, so that
          # the labels keep apart (a tie: Passage above).
          other = val[k, c ? P : O]
          above = other == "-" || (c ? val[k, col] + 0 > other + 0 : val[k, col] + 0 >= other + 0)
          printf "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" fill=\"%s\">%s</text>\n", x, above ? y - 8 : y + 15, color[c], num(val[k, col])
        }
        # The engine beside the end of its line, moved down when it would sit on the other.
        shift = (c && lasty - endy[0] < 14 && endy[0] - lasty < 14) ? 14 : 0
        endy[c] = lasty + shift
        printf "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s</text>\n", lastx + 8, endy[c] + 4, color[c], eng
      }
    }
    { N++; for (k = 1; k <= 12; k++) val[N, k] = $k }
    END {
      if (N == 0) exit
      lo = hi = val[1, 2]
      for (k = 1; k <= N; k++) {
        if (val[k, 2] == "-" || val[k, 2] <= 0) { val[k, 2] = "-"; continue }
        if (val[k, 2] < lo) lo = val[k, 2]
        if (val[k, 2] > hi) hi = val[k, 2]
      }
      LX0 = int(lg(lo)); if (10 ^ LX0 > lo) LX0--
      LX1 = int(lg(hi)); if (10 ^ LX1 < hi) LX1++
      if (LX1 <= LX0) LX1 = LX0 + 1
      PW = 330; PH = 250; Y0 = 70
      color[0] = "#1f5fa8"; color[1] = "#d9711c"
      printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\" height=\"400\" viewBox=\"0 0 960 400\" font-family=\"sans-serif\" font-size=\"12\">\n"
      printf "<rect width=\"960\" height=\"400\" fill=\"white\"/>\n"
      printf "<text x=\"470\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">Growth: Passage and OpenSearch on the corpus replicated (%s)</text>\n", esc(title)
      # Sizes without a paragraph count (not measured) are left out of the plot.
      M = 0
      for (k = 1; k <= N; k++) if (val[k, 2] != "-") { M++; for (j = 1; j <= 12; j++) val[M, j] = val[k, j] }
      N = M
      panel(0, "requests/s", 3, 8)
      panel(1, "p99, ms", 5, 10)
      # The legend, for the engines measured.
      if (have[0]) {
        printf "<line x1=\"345\" y1=\"385\" x2=\"375\" y2=\"385\" stroke=\"%s\" stroke-width=\"2\"/><circle cx=\"360\" cy=\"385\" r=\"4\" fill=\"%s\"/>\n", color[0], color[0]
        printf "<text x=\"381\" y=\"389\">Passage</text>\n"
      }
      if (have[1]) {
        printf "<line x1=\"495\" y1=\"385\" x2=\"525\" y2=\"385\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"6,4\"/><rect x=\"506.5\" y=\"381.5\" width=\"7\" height=\"7\" fill=\"%s\"/>\n", color[1], color[1]
        printf "<text x=\"531\" y=\"389\">OpenSearch</text>\n"
      } else {
        printf "<text x=\"495\" y=\"389\" fill=\"#666\">OpenSearch: not measured</text>\n"
      }
      printf "</svg>\n"
    }'
}

# Issue 16: Passage's OpenSearch engine on the two-node cluster.
write_cluster_section() {
  local tagging bulk estimate
  cat <<EOF

## Passage on a two-node OpenSearch cluster

Two OpenSearch $OPENSEARCH_VERSION nodes on loopback (\`-Xms$OPENSEARCH_CLUSTER_HEAP -Xmx$OPENSEARCH_CLUSTER_HEAP\` each), on the
same $(nproc) cores as Passage and \`wrk\`; Passage's index in 2 primary shards and 1 replica, so
each node holds a copy of every shard. The load average (1 min) before and after each measured
run is given beside it: other work on the machine shows there.

### The same answers as the embedded engine

\`passage serve --engine opensearch --opensearch $(opensearch_cluster_urls)\` asked every
benchmark query once, page 1 of 10 hits with the four facet dimensions, and each answer's total
and facet counts (every value listed, in order, with its count) compared with the embedded
engine's answer to the same query (the serve measured above): **${RESULT[cluster.compared]:-0} queries
compared, ${RESULT[cluster.mismatches]:-0} differ**$( [[ -n "${RESULT[cluster.mismatched]:-}" ]] && printf ' (%s)' "${RESULT[cluster.mismatched]}").
Beside that, not a target (scores may differ between engines): the first page of hits, ids in
order, was the same for ${RESULT[cluster.same_pages]:-0} of them.
Passage on the cluster: $(check_line cluster.check).

### What Passage adds to OpenSearch's own search

Passage's requests were recorded as they were sent (\`passage bench record\`, a proxy, while
Passage answered every query once): ${RESULT[cluster.recorded]:-0} search requests for ${RESULT[queries]} queries
(one per query when none needed a second round for exact facet counts). The same requests, byte for
byte, sent straight to node 1 by \`wrk\` (\`bench/opensearch-replay.lua\`): $(check_line cluster.direct.check).
Under load, Passage is given node 1 alone (\`--opensearch $(opensearch_cluster_url 1)\`), so both
sides send the same requests to the same coordinating node. After $WARMUP s of warm-up each, rounds of $LOAD_SECONDS s of both
sides until each side's rate was within 5 % of its round before (requests/s, Passage: $(runs_of cluster.warmup.passage); straight: $(runs_of cluster.warmup.direct); the nodes and Passage's
JVM compile their search code under load for minutes), $RUNS pairs of $LOAD_SECONDS s runs, the order within a pair
alternating; each ratio is the median of the pairs' ratios (each pair's in brackets). CPU per
request: the CPU time the process used during the run (\`/proc/PID/stat\`, user and system) over
the requests answered; it shows what each side costs when other work on the machine moves the rates.

| | Passage on OpenSearch | straight to OpenSearch | Passage / OpenSearch |
|---|---|---|---|
EOF
  row "requests/s" "$(cell cluster.passage.rps)" "$(cell cluster.direct.rps)" \
    "$(two_places "$(med_exact cluster.rps_share)") ($(two_places_each "${RESULT[cluster.rps_share]:-}"))"
  row "p50, ms" "$(cell cluster.passage.p50)" "$(cell cluster.direct.p50)" "$(ratio "$(med cluster.passage.p50)" "$(med cluster.direct.p50)")"
  row "p99, ms" "$(cell cluster.passage.p99)" "$(cell cluster.direct.p99)" \
    "$(two_places "$(med_exact cluster.p99_ratio)") ($(two_places_each "${RESULT[cluster.p99_ratio]:-}"))"
  row "errors" "$(sum_of cluster.passage.errors)" "$(sum_of cluster.direct.errors)" ""
  row "CPU per request, ms: Passage's JVM" "$(cell cluster.passage.passage_cpu_ms)" "-" ""
  row "CPU per request, ms: both nodes" "$(cell cluster.passage.nodes_cpu_ms)" "$(cell cluster.direct.nodes_cpu_ms)" \
    "$(ratio "$(med cluster.passage.nodes_cpu_ms)" "$(med cluster.direct.nodes_cpu_ms)")"
  row "resident memory under load, MiB (Passage; node 1)" "$(cell cluster.passage.rss_mib)" "$(cell cluster.direct.rss_mib)" ""
  row "load average before→after each run" "$(loads cluster.passage.load)" "$(loads cluster.direct.load)" ""
  tagging="$(med cluster.tagging.rate)"
  bulk="$(med cluster.bulk.rate)"
  estimate="$(awk -v t="$tagging" -v b="$bulk" 'BEGIN { printf "%.0f", (t < b ? t : b) }')"
  cat <<EOF

Peak resident memory (VmHWM) of the nodes after the load: ${RESULT[cluster.node1.hwm_mib]:--} and ${RESULT[cluster.node2.hwm_mib]:--} MiB.

### Indexing on the cluster

Passage: \`passage index --rebuild --engine opensearch\`, the whole process under \`/usr/bin/time -v\`:
reading, cleaning and tagging on $(nproc) threads overlapped with bulk requests ($(nproc) at a time, up to
10,000 paragraphs or 10 MB each) into a new index without its replica, then the refresh, a flush, the
replica copied by the cluster, and the alias moved to the new index; each run a new index. The two sides ran in pairs, the order alternating; the ratio is the median of the
pairs' ratios.
OpenSearch: the same paragraphs as Passage sends them (\`passage bench export --documents passage\`:
the same ids, fields and routing), ready-tagged, bulk-loaded into a fresh index with Passage's
mapping, 2 shards, ${BULK_DOCS:-10000} per request, $(nproc) at a time to the nodes in turn, refresh
off and no replica while loading, then a refresh, a flush and the replica copied by the cluster, as
Passage's build does; timed from the first request to the end of the copy.

| | Passage, tagging on | OpenSearch bulk, tags ready-made | Passage / OpenSearch |
|---|---|---|---|
EOF
  row "paragraphs" "${RESULT[cluster.paragraphs]:--}" "${RESULT[cluster.bulk.docs]:--}" ""
  row "wall time, s" "$(cell cluster.index.seconds)" "$(cell cluster.bulk.seconds)" ""
  row "paragraphs/s" "$(cell cluster.index.rate)" "$(cell cluster.bulk.rate)" \
    "$(two_places "$(med_exact cluster.index_share)") ($(two_places_each "${RESULT[cluster.index_share]:-}"))"
  row "Passage's own build time (start of the build to the alias moved), s" "$(cell cluster.index.build_s)" "" ""
  row "CPU time, s: Passage's process" "$(cell cluster.index.passage_cpu_s)" "-" ""
  row "CPU time, s: both nodes" "$(cell cluster.index.nodes_cpu_s)" "$(cell cluster.bulk.nodes_cpu_s)" \
    "$(ratio "$(med cluster.index.nodes_cpu_s)" "$(med cluster.bulk.nodes_cpu_s)")"
  row "peak resident memory of Passage's process, MiB" "$(cell cluster.index.rss_mib)" "" ""
  row "load average before→after each run" "$(loads cluster.load.index)" "$(loads cluster.load.bulk)" ""
  cat <<EOF

Tagging on its own machine: \`passage bench tagging\` does Passage's side of that build alone
(reading, cleaning, tagging, each paragraph's document as JSON, on $(nproc) threads, nothing sent),
timed as the whole process, while the cluster idles: $(cell cluster.tagging.rate) paragraphs/s
(load average $(loads cluster.load.tagging)). With the tagging on a machine of its own, as fast as
this one, and the cluster on this one, the build would run at about the slower of the two rates,
since tagging and bulk requests overlap: min($tagging, $bulk) = $estimate paragraphs/s, or
$(ratio "$estimate" "$bulk" '%.2f')× OpenSearch's bulk rate here (an estimate from the two rates measured alone, not a measurement).
EOF
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
  if has suggest.c1.rps; then
    printf 'suggestions: 1 connection %s requests/s, p99 %s ms; %s connections %s requests/s, p99 %s ms\n' \
      "$(med suggest.c1.rps)" "$(med suggest.c1.p99)" "$CONNECTIONS" "$(med "suggest.c$CONNECTIONS.rps")" \
      "$(med "suggest.c$CONNECTIONS.p99")"
  fi
  if has floor.index.rate; then
    printf 'indexing floor (bare Lucene, OpenSearch mapping, tags ready-made): %s documents/s, %s s\n' \
      "$(med floor.index.rate)" "$(med floor.index.seconds)"
  fi
  if has_growth; then print_growth_summary; fi
  printf 'first answer after serve starts: %s s (runs: %s), CPU %s s (runs: %s)\n' "$(med first_answer_s)" \
    "$(runs_of first_answer_s)" "$(med first_answer_cpu_s)" "$(runs_of first_answer_cpu_s)"
  if has cluster.bulk.rate; then
    printf 'cluster: %s of %s queries compared with the embedded engine, %s differ\n' \
      "${RESULT[cluster.compared]:-0}" "${RESULT[queries]}" "${RESULT[cluster.mismatches]:-0}"
    printf '%-34s %12s %12s %12s\n' "" "Passage/OS" "OS direct" "ratio"
    printf '%-34s %12s %12s %12s\n' "cluster requests/s" "$(med cluster.passage.rps)" \
      "$(med cluster.direct.rps)" "$(two_places "$(med_exact cluster.rps_share)")"
    printf '%-34s %12s %12s %12s\n' "cluster p99, ms" "$(med cluster.passage.p99)" \
      "$(med cluster.direct.p99)" "$(two_places "$(med_exact cluster.p99_ratio)")"
    summary_row "cluster indexing, paragraphs/s" cluster.index.rate cluster.bulk.rate
    printf 'tagging alone: %s paragraphs/s\n' "$(med cluster.tagging.rate)"
  fi
  printf 'targets:\n'
  for t in "${TARGETS[@]}"; do
    IFS='|' read -r what measured result <<<"$t"
    printf '  %-13s %s: %s\n' "$result" "$what" "$measured"
  done
}

# The growth sizes beside ×1, one line each: the Growth table of the report, and what indexing
# took at each size.
print_growth_summary() {
  local size label paragraphs prps pp50 pp99 phwm first osrps osp50 osp99 oshwm rps_ratio
  # The sizes are printed as ×%-4s: printf pads by bytes, and × takes two.
  printf '%-18s | %-44s | %-34s | %s\n' "growth" "Passage" "OpenSearch" "Passage/OS"
  printf '%-5s %12s | %8s %6s %6s %11s %9s | %8s %6s %6s %11s | %s\n' "" paragraphs "req/s" "p50 ms" "p99 ms" \
    "VmHWM MiB" "first s" "req/s" "p50 ms" "p99 ms" "VmHWM MiB" "req/s"
  for size in 1 "${GROWTH_SIZES[@]}"; do
    read -r label paragraphs prps pp50 pp99 phwm first osrps osp50 osp99 oshwm rps_ratio < <(growth_figures "$size")
    printf '×%-4s %12s | %8s %6s %6s %11s %9s | %8s %6s %6s %11s | %s\n' "${label#×}" "$paragraphs" "$prps" "$pp50" \
      "$pp99" "$phwm" "$first" "$osrps" "$osp50" "$osp99" "$oshwm" "$rps_ratio"
  done
  for size in "${GROWTH_SIZES[@]}"; do
    has "growth.x$size.index.seconds" || continue
    printf '×%s: Passage indexed in %s s (%s paragraphs/s, index %s MiB, heap %s MiB after a run, %s errors)' \
      "$size" "$(med "growth.x$size.index.seconds")" "$(med "growth.x$size.index.rate")" \
      "${RESULT[growth.x$size.index.du_mib]:--}" "$(med "growth.x$size.http.heap_mib")" "$(sum_of "growth.x$size.http.errors")"
    if has "growth.x$size.os.index.seconds"; then
      printf '; OpenSearch loaded in %s s (%s paragraphs/s, %s errors)' "${RESULT[growth.x$size.os.index.seconds]}" \
        "${RESULT[growth.x$size.os.index.rate]}" "$(sum_of "growth.x$size.os.errors")"
    fi
    printf '\n'
  done
}

summary_row() {
  printf '%-34s %12s %12s %12s\n' "$1" "$(med "$2")" "$(med "$3")" "$(ratio "$(med "$2")" "$(med "$3")")"
}
