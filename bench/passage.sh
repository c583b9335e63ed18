# Passage's side of the benchmark: index, serve, check, heap. Sourced by bench/run, after lib.sh,
# with JAVA_HOME set to the JDK the launcher picks.
# shellcheck shell=bash disable=SC2034 # PASSAGE_FIRST_ANSWER_S is read by bench/run

PASSAGE_PORT="${PASSAGE_PORT:-17070}"
# The heap Passage is held to in the benchmark: the target is at most 256 MB.
PASSAGE_JVM="-Xms64m -Xmx256m"

passage_url() { printf 'http://127.0.0.1:%s' "$PASSAGE_PORT"; }

# The command line that runs Passage, for running and for the report: the launcher, as users run
# it, with its JVM settings (collector, class-data archive); it replaces itself with the JVM, so
# the pid is the JVM's.
passage_cmd() { printf '%s\n' env "PASSAGE_JAVA_OPTS=$PASSAGE_JVM" "$ROOT/passage" "$@"; }

passage() {
  local -a cmd
  mapfile -t cmd < <(passage_cmd "$@")
  "${cmd[@]}"
}

# Indexes CORPUS into INDEX under /usr/bin/time -v and prints
# "articles=N paragraphs=N wall_s=S build_s=S cpu_s=S max_rss_kb=N" (build_s: the time Passage
# itself reports, from the start of the build to the commit; cpu_s: the process's user and system
# time). Passage's own output goes to LOG. An empty
# INDEX gives no --index, for another engine, whose options come after LOG.
#   passage_index CORPUS INDEX LOG [INDEX_OPTION ...]
passage_index() {
  local corpus="$1" index="$2" log="$3" summary articles paragraphs wall build cpu rss
  local -a cmd where=(--articles "$corpus")
  [[ -z "$index" ]] || where+=(--index "$index")
  mapfile -t cmd < <(passage_cmd index "${where[@]}" "${@:4}")
  /usr/bin/time -v -o "$log.time" "${cmd[@]}" >"$log" 2>&1 || die "passage index failed; see $log."
  summary="$(grep -m 1 '^Indexed ' "$log")" || die "passage index printed no summary; see $log."
  # "Indexed 21,578 articles, 109,213 paragraphs in 29.1 s."
  articles="$(sed -n 's/^Indexed \([0-9,]*\) articles.*/\1/p' <<<"$summary" | tr -d ,)"
  paragraphs="$(sed -n 's/.* \([0-9,]*\) paragraphs in .*/\1/p' <<<"$summary" | tr -d ,)"
  build="$(sed -n 's/.* paragraphs in \([0-9.]*\) s\..*/\1/p' <<<"$summary")"
  wall="$(elapsed_seconds "$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$log.time")")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log.time")"
  cpu="$(calc '%.2f' "$(sed -n 's/.*User time (seconds): //p' "$log.time") + $(sed -n 's/.*System time (seconds): //p' "$log.time")")"
  printf 'articles=%s paragraphs=%s wall_s=%s build_s=%s cpu_s=%s max_rss_kb=%s\n' \
    "$articles" "$paragraphs" "$wall" "$build" "$cpu" "$rss"
}

# /usr/bin/time's "h:mm:ss" or "m:ss.ss" in seconds.
elapsed_seconds() {
  awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"
}

# Starts `passage serve` on an existing index and waits for the answer to QUERY. Sets PASSAGE_PID,
# PASSAGE_FIRST_ANSWER_S: seconds from starting the process to the first 200 answer to the query
# (polled every 20 ms, so up to 20 ms late), and PASSAGE_FIRST_ANSWER_CPU_S: the CPU seconds the
# process had used by then. Options after LOG go to serve; an empty INDEX gives no --index, for
# another engine.
#   passage_start CORPUS INDEX QUERY LOG [SERVE_OPTION ...]
passage_start() {
  local corpus="$1" index="$2" url started status i
  local -a cmd where=(--articles "$corpus")
  [[ -z "$index" ]] || where+=(--index "$index")
  # The java command itself goes in the background, so that $! is the JVM's pid.
  mapfile -t cmd < <(passage_cmd serve "${where[@]}" --host 127.0.0.1 --port "$PASSAGE_PORT" "${@:5}")
  url="$(passage_url)/api/search?q=$(url_encode "$3")&size=10"
  need_free_port "$PASSAGE_PORT"
  started="$(now)"
  "${cmd[@]}" </dev/null >"$4" 2>&1 &
  PASSAGE_PID=$!
  for ((i = 0; i < 3000; i++)); do
    status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url")" || true
    if [[ "$status" == 200 ]]; then
      PASSAGE_FIRST_ANSWER_S="$(calc '%.3f' "$(now) - $started")"
      PASSAGE_FIRST_ANSWER_CPU_S="$(cpu_seconds "$PASSAGE_PID")"
      return 0
    fi
    kill -0 "$PASSAGE_PID" 2>/dev/null || die "passage serve stopped while starting; see $4."
    [[ "$status" == 000 ]] || die "passage serve answered $status to $url; see $4."
    sleep 0.02
  done
  die "passage serve did not answer within a minute; see $4."
}

# The CPU seconds a process has used, all its threads (a JVM's compilers and collector too): on a
# machine shared with other work, the wall time of a start grows with the load, this hardly.
cpu_seconds() {
  # /proc/PID/stat: utime and stime are the 12th and 13th fields after the name in brackets.
  sed 's/.*) //' "/proc/$1/stat" | awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($12 + $13) / hz }'
}

passage_stop() {
  stop_pid "${PASSAGE_PID:-}"
  PASSAGE_PID=""
}

# The heap of a running Passage from `jcmd PID GC.heap_info`: "heap_used_kb=N heap_committed_kb=N".
passage_heap() {
  local info used committed
  info="$("$JAVA_HOME/bin/jcmd" "$1" GC.heap_info 2>&1)" || die "jcmd $1 GC.heap_info failed: $info"
  # G1 on JDK 25: "garbage-first heap   total reserved 262144K, committed 75776K, used 59483K";
  # older JDKs say "total 75776K, used 59483K". The parallel collector (the launcher's) gives a
  # line per generation, "PSYoungGen      total 68096K, used 27453K [...", added up here.
  used="$(sed -n 's/.*heap .* used \([0-9]*\)K.*/\1/p' <<<"$info" | head -n 1)"
  committed="$(sed -n 's/.*heap .*\(committed\|total\) \([0-9]*\)K, used.*/\2/p' <<<"$info" | head -n 1)"
  if [[ -z "$used" ]]; then
    read -r used committed < <(awk '/^[A-Za-z]+Gen +total [0-9]+K, used [0-9]+K/ {
      gsub(/[K,]/, ""); c += $3; u += $5 } END { if (u) print u, c }' <<<"$info") || true
  fi
  [[ -n "$used" ]] || die "cannot read the heap from jcmd: $info"
  printf 'heap_used_kb=%s heap_committed_kb=%s\n' "$used" "${committed:-0}"
}

# Asks every query once, as bench/passage.lua does, and prints
# "queries=N non200=N no_hits=N hits=N" (hits: the hit counts added up over the queries).
# With ANSWERS, also writes there one line per query: the query, a tab, and the answer's total
# and facet counts (every value listed, in order, with its count) as compact JSON, a tab, and
# the ids of the page's hits: what the engines are compared on.
#   passage_check QUERY_FILE [ANSWERS]
passage_check() {
  local q out status total non200=0 no_hits=0 hits=0 n=0 answers="${2:-}"
  [[ -z "$answers" ]] || : >"$answers"
  while IFS= read -r q || [[ -n "$q" ]]; do
    [[ -n "${q// /}" ]] || continue
    n=$((n + 1))
    out="$(curl -s "$(passage_url)/api/search?q=$(url_encode "$q")&size=10" -w '\n%{http_code}')" || true
    status="${out##*$'\n'}"
    if [[ "$status" != 200 ]]; then
      non200=$((non200 + 1))
      say "  Passage answered $status to: $q"
      [[ -z "$answers" ]] || printf '%s\tstatus %s\t-\n' "$q" "$status" >>"$answers"
      continue
    fi
    [[ "$out" =~ \"total\":([0-9]+) ]] && total="${BASH_REMATCH[1]}" || total=0
    ((total > 0)) || no_hits=$((no_hits + 1))
    hits=$((hits + total))
    if [[ -n "$answers" ]]; then
      printf '%s\t%s\n' "$q" "$(jq -r '[({total} + {facets: (.facets | map_values(map([.value, .count])))} | tojson),
        ([.hits[].id] | join(" "))] | join("\t")' <<<"${out%$'\n'*}")" >>"$answers"
    fi
  done <"$1"
  printf 'queries=%d non200=%d no_hits=%d hits=%d\n' "$n" "$non200" "$no_hits" "$hits"
}
