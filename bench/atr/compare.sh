#!/usr/bin/env bash
# Whole-process `cardkit atr <ATR>` (published native AOT) against `ATR_analysis <ATR>` (pcsc-tools,
# Perl), same smartcard_list.txt, alternating runs (hyperfine), then `cardkit atr --batch`
# throughput over 100,000 ATRs.
#   bench/atr/compare.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup.sh test >/dev/null
cardkit=$(scripts/publish.sh)
atr="3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A"

echo "== whole process, one ATR (ATR_analysis from pcsc-tools vs cardkit atr)"
hyperfine -N --warmup 5 -r 40 --export-json /tmp/cardkit-atr-hyperfine.json \
  "ATR_analysis $atr" "$cardkit atr $atr"
python3 - <<'PY'
import json
r = json.load(open("/tmp/cardkit-atr-hyperfine.json"))["results"]
a, c = r[0]["median"] * 1000, r[1]["median"] * 1000
print(f"medians: ATR_analysis {a:.1f} ms, cardkit atr {c:.1f} ms, ratio {c / a:.2f}x")
PY

echo
echo "== cardkit atr --batch over 100,000 ATRs (the list's wildcard-free ATRs, repeated)"
corpus=$(mktemp)
trap 'rm -f "$corpus"' EXIT
grep -E '^3[BF]( [0-9A-F]{2})+$' /usr/share/pcsc/smartcard_list.txt > "$corpus.one"
while [ "$(wc -l < "$corpus")" -lt 100000 ]; do cat "$corpus.one" >> "$corpus"; done
head -n 100000 "$corpus" > "$corpus.100k" && mv "$corpus.100k" "$corpus" && rm -f "$corpus.one"
start=$(date +%s.%N)
"$cardkit" atr --batch "$corpus" > /dev/null || true
end=$(date +%s.%N)
python3 -c "s = $end - $start; print(f'100000 ATRs in {s:.2f} s: {100000 / s:,.0f} ATRs/s end to end')"
