#!/usr/bin/env bash
# cardkit-web side by side with a minimal ASP.NET Core endpoint (bench/web/MinimalApp), both on
# loopback, same run, wrk with 64 connections on this machine's cores:
#   1. GET /V1/parse2json?ATR=... against the constant-string endpoint: ratio and p99 (bars: >= 0.7x, p99 < 5 ms)
#   2. the HTML page /parse?ATR=... and /V1/match?ATR=...
#   3. submissions through the real form on SQLite: per second, and acknowledged vs stored (bar: >= 2,000/s, none lost)
#   4. resident size after 10,000 and after 1,000,000 parse requests (bar: within 10%)
#
#   bench/web/compare.sh [SECONDS]      (default 10 s per measurement; run it under the pcscd lock
#                                        like every benchmark here: it needs both cores)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
command -v wrk >/dev/null || { echo "wrk is missing: scripts/setup.sh test installs it" >&2; exit 3; }
dotnet build src/CardKit.Web -c Release -nologo -clp:ErrorsOnly -v:q >/dev/null
dotnet build bench/web/MinimalApp -c Release -nologo -clp:ErrorsOnly -v:q >/dev/null

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# Starts a program on a free loopback port; sets $url and $pid once it listens (the printed line is the signal).
start() {
  local log=$1 line; shift
  "$@" --urls http://127.0.0.1:0 > "$log" 2>&1 &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 1 1200); do
    if line=$(grep -m1 -o 'listening on http://127.0.0.1:[0-9]*' "$log"); then url=${line#listening on }; return; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "did not start: $*" >&2; cat "$log" >&2; exit 1
}

list=/usr/share/pcsc/smartcard_list.txt
start "$work/web.log" src/CardKit.Web/bin/Release/net10.0/cardkit-web --db "$work/web.db" --list "$list" --CardKit:SubmissionsPerMinute=0
web=$url web_pid=$pid
start "$work/minimal.log" dotnet bench/web/MinimalApp/bin/Release/net10.0/MinimalApp.dll
minimal=$url
atr=3B8F8001804F0CA000000306030001000000006A

measure() { # name url [wrk options] -> "req/s p99_ms"
  local out
  out=$(wrk -t2 -c64 -d"${seconds}s" --latency "${@:3}" "$2")
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' <<<"$out")
  printf '%-34s %12s req/s   p99 %8s ms\n' "$1" "$rps" "$p99" >&2
  echo "$rps $p99"
}

echo "== warm-up (JIT, tiered compilation)" >&2
wrk -t2 -c64 -d3s "$minimal/" >/dev/null
wrk -t2 -c64 -d3s "$web/V1/parse2json?ATR=$atr" >/dev/null
wrk -t2 -c16 -d2s "$web/parse?ATR=$atr" >/dev/null
wrk -t2 -c16 -d2s "$web/V1/match?ATR=$atr" >/dev/null

echo "== requests per second, 64 connections, ${seconds} s each (minimal and parse2json alternate twice)" >&2
read -r m1 _ < <(measure "minimal constant string" "$minimal/")
read -r p1 p99a < <(measure "/V1/parse2json" "$web/V1/parse2json?ATR=$atr")
read -r m2 _ < <(measure "minimal constant string" "$minimal/")
read -r p2 p99b < <(measure "/V1/parse2json" "$web/V1/parse2json?ATR=$atr")
measure "/V1/parse2json, new ATR each time" "$web/V1/parse2json" -s bench/web/random_atr.lua >/dev/null
measure "/parse (HTML page)" "$web/parse?ATR=$atr" >/dev/null
measure "/V1/match" "$web/V1/match?ATR=$atr" >/dev/null
awk -v m1="$m1" -v m2="$m2" -v p1="$p1" -v p2="$p2" -v q1="$p99a" -v q2="$p99b" 'BEGIN {
  r = (p1 + p2) / (m1 + m2); q = (q1 > q2) ? q1 : q2;
  printf "parse2json / minimal: %.2fx (bar >= 0.70) %s; worst p99 %.2f ms (bar < 5) %s\n", r, (r >= 0.7 ? "PASS" : "FAIL"), q, (q < 5 ? "PASS" : "FAIL") }'

echo "== submissions on SQLite through the form (antiforgery token, group commit, synchronous=FULL)" >&2
bench_atr=3B8C8001436172644B697442656E63682D  # "3B 8C 80 01 'CardKitBench' 2D": in no list
page=$(curl -s -c "$work/cookies" "$web/parse?ATR=$bench_atr")
token=$(grep -o 'name="__af" type="hidden" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
[ -n "$token" ] || token=$(grep -o 'name="__af" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
cookie=$(sed 's/^#HttpOnly_//' "$work/cookies" | awk '!/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}')
before=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from Submissions').fetchone()[0])" "$work/web.db")
out=$(ATR="$bench_atr" TOKEN="$token" COOKIE="$cookie" wrk -t2 -c64 -d"${seconds}s" -s bench/web/submit.lua "$web/submit")
acknowledged=$(awk '/^acknowledged/ {print $2}' <<<"$out")
refused=$(awk '/^acknowledged/ {print $4}' <<<"$out")
rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
after=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from Submissions').fetchone()[0])" "$work/web.db")
stored=$((after - before))
awk -v a="$acknowledged" -v s="$stored" -v r="$refused" -v secs="$seconds" -v rps="$rps" 'BEGIN {
  per = a / secs;
  printf "submissions: %.0f acknowledged/s (wrk %s req/s), %d acknowledged, %d stored, %d refused, lost %d: %s\n",
    per, rps, a, s, r, a - s, (per >= 2000 && s >= a && r == 0 ? "PASS" : "FAIL") }'

echo "== resident size: after 10,000 and after 1,000,000 parse requests" >&2
restart_pid=$web_pid
kill "$restart_pid"; wait "$restart_pid" 2>/dev/null || true
start "$work/web2.log" src/CardKit.Web/bin/Release/net10.0/cardkit-web --db "$work/web.db" --list "$list"
web=$url web_pid=$pid
count() { awk '/requests in/ {print $1}' <<<"$1"; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$web_pid/status"; }
done_requests=0
while [ "$done_requests" -lt 10000 ]; do
  out=$(wrk -t1 -c8 -d1s "$web/V1/parse2json?ATR=$atr"); done_requests=$((done_requests + $(count "$out")))
done
rss_10k=$(rss); at_10k=$done_requests
while [ "$done_requests" -lt "${BENCH_RSS_REQUESTS:-1000000}" ]; do
  out=$(wrk -t2 -c64 -d10s "$web/V1/parse2json?ATR=$atr"); done_requests=$((done_requests + $(count "$out")))
done
rss_1m=$(rss)
awk -v a="$rss_10k" -v b="$rss_1m" -v n1="$at_10k" -v n2="$done_requests" 'BEGIN {
  d = (b - a) * 100.0 / a;
  printf "RSS after %d requests: %.1f MB; after %d: %.1f MB; %+.1f%% (bar within 10%%): %s\n", n1, a / 1024, n2, b / 1024, d, (d <= 10 && d >= -10 ? "PASS" : "FAIL") }'
