# Issue 15's indexing rows: passage index beside the bare-Lucene indexing floor, the bulk file
# both engines load, and rebuilds inside a running serve. Sourced by bench/run, whose RESULT
# holds what is measured.
# shellcheck shell=bash

# Indexing with full tagging, from a clean index each run: wall time of the whole process (JVM
# start, reading, cleaning, tagging, writing, commit) and its peak resident memory.
#   index_passage KEY CORPUS INDEX RUNS
index_passage() {
  local key="$1" corpus="$2" index="$3" runs="$4" run
  note_passage index --articles "$corpus" --index "$index"
  for ((run = 1; run <= runs; run++)); do
    index_passage_run "$key" "$corpus" "$index" "$run" "$runs"
  done
  RESULT[$key.index.du_mib]="$(mib "$(du -sk "$index" | cut -f1)")"
}

#   index_passage_run KEY CORPUS INDEX RUN RUNS
index_passage_run() {
  local key="$1" corpus="$2" index="$3" run="$4" runs="$5" out
  say "Indexing $(basename "$corpus") with Passage (run $run of $runs) …"
  rm -rf "$index"
  out="$(passage_index "$corpus" "$index" "$WORK/logs/$key-index-$run.log")"
  RESULT[$key.articles]="$(field articles "$out")"
  RESULT[$key.paragraphs]="$(field paragraphs "$out")"
  add "$key.index.seconds" "$(field wall_s "$out")"
  add "$key.index.rate" "$(calc '%.0f' "$(field paragraphs "$out") / $(field wall_s "$out")")"
  add "$key.index.rss_mib" "$(mib "$(field max_rss_kb "$out")")"
  say "  $out"
}

# passage index beside the indexing floor (issue 15's build target): RUNS pairs of whole
# processes, the order alternating, each pair's ratio from two runs a few seconds apart. This
# machine's speed drifts within minutes, and medians of runs taken minutes apart would measure
# the drift as much as the build.
build_beside_floor() {
  local run
  note_passage index --articles "$CORPUS" --index "$WORK/passage/index"
  note_passage bench index-floor --bulk "$BULK" --index "$WORK/floor-index"
  # The first `passage index` after a build of Passage also records what the JVM learns and makes
  # index's AOT cache from it (the launcher, JDK 25+): a cost paid once per build, so one run goes
  # before the pairs and is reported apart. Within the pairs, a fresh clone's first pair held it
  # and a clone that had run before held none, so the two judged different builds.
  say "Once before the pairs, as the first build after a build of Passage:"
  index_passage_run first "$CORPUS" "$WORK/passage/index" 1 1
  for ((run = 1; run <= RUNS; run++)); do
    if ((run % 2)); then
      index_passage_run base "$CORPUS" "$WORK/passage/index" "$run" "$RUNS"
      index_floor_run "$BULK" "$run"
    else
      index_floor_run "$BULK" "$run"
      index_passage_run base "$CORPUS" "$WORK/passage/index" "$run" "$RUNS"
    fi
    add base.build_share \
      "$(ratio "${RESULT[base.index.seconds]##* }" "${RESULT[floor.index.wall_s]##* }" '%.6f')"
  done
  rm -rf "$WORK/floor-index"
  RESULT[base.index.du_mib]="$(mib "$(du -sk "$WORK/passage/index" | cut -f1)")"
  [[ "${RESULT[export.docs]}" == "${RESULT[base.paragraphs]}" ]] ||
    say "bench: the bulk file holds ${RESULT[export.docs]} paragraphs, Passage indexed ${RESULT[base.paragraphs]}."
}

# Indexing inside a running server, as OpenSearch indexes: RUNS rebuilds by POST
# /api/admin/reindex in one serve process, each timed by the server, from the start of the build
# to the new index being served. The CLI runs above start a fresh JVM each time, whose compiler
# spends about as much CPU as the indexing; OpenSearch's node stays up between its loads.
reindex_in_server() {
  local index="$WORK/passage/reindex" token="$WORK/admin-token" run status seconds
  rm -rf "$index"
  cp -a "$WORK/passage/index" "$index"
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$token"
  note_passage serve --articles "$CORPUS" --index "$index" --host 127.0.0.1 --port "$PASSAGE_PORT" \
    --admin-token-file "$token"
  note curl -X POST -H "Authorization: Bearer TOKEN" "$(passage_url)/api/admin/reindex?full=true"
  passage_start "$CORPUS" "$index" "$FIRST_QUERY" "$WORK/logs/passage-reindex-serve.log" \
    --admin-token-file "$token"
  # serve compares the folder with the index as it starts; a whole build waits for that.
  status="$(reindex_call GET "$token")"
  while grep -q '"state":"running"' <<<"$status"; do
    sleep 0.1
    status="$(reindex_call GET "$token")"
  done
  for ((run = 1; run <= RUNS; run++)); do
    say "Reindexing inside the server (run $run of $RUNS) …"
    status="$(reindex_call POST "$token" '?full=true')"
    while grep -q '"state":"running"' <<<"$status"; do
      sleep 0.1
      status="$(reindex_call GET "$token")"
    done
    grep -q '"state":"done"' <<<"$status" || die "the reindex inside serve failed: $status"
    # The server's own clock: from "startedAt" to "finishedAt".
    seconds="$(calc '%.2f' "$(iso_seconds "$(json_field_text finishedAt "$status")") - $(iso_seconds "$(json_field_text startedAt "$status")")")"
    add warm.index.seconds "$seconds"
    add warm.index.rate "$(calc '%.0f' "$(json_field_number paragraphs "$status") / $seconds")"
    say "  $seconds s"
  done
  passage_stop
  rm -rf "$index" "$token"
}

#   reindex_call METHOD TOKEN_FILE [QUERY]
reindex_call() {
  curl -s -X "$1" -H "Authorization: Bearer $(cat "$2")" "$(passage_url)/api/admin/reindex${3:-}"
}

# A string or a number of a flat JSON object, by name.
json_field_text() { sed -n 's/.*"'"$1"'":"\([^"]*\)".*/\1/p' <<<"$2"; }
json_field_number() { sed -n 's/.*"'"$1"'":\([0-9]*\).*/\1/p' <<<"$2"; }

# Seconds since the epoch of an ISO-8601 instant such as 2026-11-24T05:28:01.180585040Z.
iso_seconds() { date -u -d "$1" '+%s.%N'; }

# Passage's cleaned, tagged paragraphs as an OpenSearch bulk file: both engines get the same documents.
export_bulk() {
  local -a cmd
  mapfile -t cmd < <(passage_cmd)
  cmd+=(bench export --articles "$CORPUS" --out "$1")
  note "${cmd[@]}"
  "${cmd[@]}"
}

# The floor under indexing: the same bulk file indexed by bare Lucene with OpenSearch's mapping,
# in one JVM (no tagging, sort or merge): the time the floor reports (opening the file to the
# commit), beside the rebuilds in serve, and the whole process, beside passage index.
#   index_floor_run BULK RUN
index_floor_run() {
  local out started run="$2"
  say "Measuring the indexing floor (run $run of $RUNS) …"
  rm -rf "$WORK/floor-index"
  started="$(now)"
  out="$(passage bench index-floor --bulk "$1" --index "$WORK/floor-index" \
    2>"$WORK/logs/index-floor-$run.log")" || die "bench index-floor failed; see $WORK/logs/index-floor-$run.log."
  add floor.index.wall_s "$(calc '%.2f' "$(now) - $started")"
  say "  $out"
  # "index floor: 105786 documents in 3.62 s (29206 documents/s, 2 threads)"
  add floor.index.seconds "$(sed -n 's/.* documents in \([0-9.]*\) s .*/\1/p' <<<"$out")"
  add floor.index.rate "$(sed -n 's/.* s (\([0-9]*\) documents\/s.*/\1/p' <<<"$out")"
}

# Passage's tagged paragraphs as a bulk file, for the indexing floor and OpenSearch's bulk load
# alike; the floor is bare Lucene, so issue 15's build targets are judged without OpenSearch too.
export_tagged_paragraphs() {
  local docs
  mkdir -p "$(dirname "$BULK")"
  say "Exporting Passage's tagged paragraphs as a bulk file …"
  export_bulk "$BULK" >"$WORK/logs/export.log" 2>&1 || die "the export failed; see $WORK/logs/export.log."
  docs="$(sed -n 's/^\([0-9]*\) paragraphs.*/\1/p' "$WORK/logs/export.log")"
  [[ -n "$docs" ]] || die "the export printed no paragraph count; see $WORK/logs/export.log."
  RESULT[export.docs]="$docs"
}
