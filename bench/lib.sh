# Helpers shared by bench/run and bench/opensearch.sh: messages, numbers, processes, memory,
# and the wrk load runs. Sourced, not run.
# shellcheck shell=bash

say() { printf '%s\n' "$*" >&2; }

# Stops the benchmark with a message; the EXIT trap of bench/run then stops every server.
die() {
  say "bench: $*"
  exit 1
}

need_command() {
  command -v "$1" >/dev/null 2>&1 || die "needs '$1' (${2:-run scripts/install-bench-tools})."
}

# Seconds since the epoch with microseconds, without starting a process (bash 5).
now() { printf '%s' "${EPOCHREALTIME/,/.}"; }

# Arithmetic on decimals; bash only does integers. calc '%.1f' '1/3' -> 0.3
calc() { awk -v f="$1" "BEGIN { printf f, $2 }"; }

# The median of numbers given as arguments, to six places ("-" when there are none).
median_exact() {
  (($# > 0)) || { printf -- '-'; return; }
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    printf "%.6f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# The same to two places, without trailing zeros: what the report shows.
median() {
  local m
  m="$(median_exact "$@")"
  [[ "$m" != - ]] || { printf -- '-'; return; }
  awk -v m="$m" 'BEGIN { s = sprintf("%.2f", m); sub(/\.?0+$/, "", s); printf "%s", s }'
}

sum() { printf '%s\n' "$@" | awk '{ s += $1 } END { printf "%d", s }'; }

# The value of KEY in a line of key=value words, as wrk-common.lua prints them.
field() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<<"$2" | head -n 1; }

# A /proc/PID/status value in kB (VmRSS: resident now, VmHWM: the peak), or 0 once it is gone.
vm_kb() {
  local key value _
  while read -r key value _; do
    if [[ "$key" == "$2:" ]]; then
      printf '%s' "$value"
      return
    fi
  done 2>/dev/null <"/proc/$1/status" || true
  printf 0
}

mib() { calc '%.0f' "$1 / 1024"; }

# CPU time a process has used so far (user and system), in milliseconds; 0 once it is gone.
# Fields 14 and 15 of /proc/PID/stat, counted from after the command name, which may hold spaces.
cpu_ms() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || { printf 0; return; }
  stat="${stat##*) }"
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($12 + $13) * 1000 / hz }' <<<"$stat"
}

# The load average over the last minute: read before and after each measurement, since other
# work on the machine takes cores from the servers and wrk alike.
load_1min() { cut -d' ' -f1 /proc/loadavg; }

# Stops a process we started, by its id: TERM, then KILL if it is still there after 20 s.
stop_pid() {
  local pid="$1" i
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 200; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  say "bench: process $pid did not stop in 20 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

# Fails when something already answers on the port: we would measure it instead of our server.
need_free_port() {
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"; then
    die "port $1 is in use; stop what runs there or pick another port (see bench/README.md)."
  fi
}

# Percent-encodes every byte but RFC 3986's unreserved characters, as bench/passage.lua does.
url_encode() {
  local LC_ALL=C s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    if [[ "$c" == [a-zA-Z0-9._~-] ]]; then
      out+="$c"
    else
      printf -v c '%%%02X' "'$c"
      out+="$c"
    fi
  done
  printf '%s' "$out"
}

# A JSON string literal: quotes and backslashes escaped, control characters dropped.
json_string() {
  local s="${1//[[:cntrl:]]/}"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '"%s"' "$s"
}

# Runs wrk against one server with one of the Lua scripts, for SECONDS, and samples the server's
# resident memory once a second meanwhile (reading /proc costs the measured server nothing).
# Prints wrk's RESULT line with rss_max_kb= and hwm_kb= added. The full wrk output goes to LOG.
# The script reads REQUESTS (default: the query file, $QUERIES).
#   load_run SCRIPT URL SECONDS SERVER_PID LOG [REQUESTS]
load_run() {
  local script="$1" url="$2" seconds="$3" pid="$4" log="$5" requests="${6:-$QUERIES}" rss max_rss=0 wrk_pid result
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout "${WRK_TIMEOUT}s" \
    -s "$script" "$url" -- "$requests" >"$log" 2>&1 &
  wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    rss="$(vm_kb "$pid" VmRSS)"
    ((rss > max_rss)) && max_rss="$rss"
    sleep 1
  done
  wait "$wrk_pid" || die "wrk failed against $url (see $log)."
  kill -0 "$pid" 2>/dev/null || die "the server (pid $pid) died under load (see $log)."
  result="$(grep '^RESULT ' "$log")" || die "wrk printed no result (see $log)."
  printf '%s rss_max_kb=%s hwm_kb=%s\n' "$result" "$max_rss" "$(vm_kb "$pid" VmHWM)"
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The JDK the launcher ./passage picks, which also builds target/passage.jar when it is stale.
passage_java_home() {
  PASSAGE_JAVA_OPTS="-XshowSettings:properties" "$ROOT/passage" --version 2>&1 |
    sed -n 's/^ *java\.home = //p'
}
