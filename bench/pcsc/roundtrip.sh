#!/usr/bin/env bash
# APDU round trip through pcscd + vpcd to CardKit's virtual ISO card, side by side in one run:
# a C loop on libpcsclite, pyscard, and `cardkit send --repeat` (10,000 x SELECT MF each).
# The card runs in "Virtual PCD F 00 00" (port 35973, reserved for benchmarks).
#   bench/pcsc/roundtrip.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
reader="Virtual PCD F 00 00"
scripts/setup.sh test >/dev/null
scripts/pcscd.sh start >/dev/null
dotnet build src/CardKit.Cli -c Release -nologo -clp:ErrorsOnly -v:q >/dev/null
cardkit=src/CardKit.Cli/bin/Release/net10.0/cardkit
out=$(mktemp -d)
gcc -O2 -o "$out/roundtrip" bench/pcsc/roundtrip.c $(pkg-config --cflags --libs libpcsclite)

"$cardkit" emulate iso --port 35973 > "$out/emulate.log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 1 40); do
  "$cardkit" readers 2>/dev/null | grep -q "$reader *card" && break
  sleep 0.25
done

# Warm-up, then the three measured runs, twice in alternating order.
"$out/roundtrip" "$reader" 500 >/dev/null
for round in 1 2; do
  "$out/roundtrip" "$reader" "$n" | tee -a "$out/c.txt"
  /usr/bin/python3 bench/pcsc/roundtrip.py "$reader" "$n" | tee -a "$out/py.txt"
  "$cardkit" send -r "$reader" --repeat "$n" "00 A4 00 0C 02 3F 00" | tee -a "$out/ck.txt"
done

median() { grep -o 'median [0-9.]*' "$1" | awk '{print $2}' | sort -n | head -1; }
c=$(median "$out/c.txt"); p=$(median "$out/py.txt"); k=$(median "$out/ck.txt")
echo
echo "best medians: C $c us, pyscard $p us, CardKit $k us"
awk -v c="$c" -v p="$p" -v k="$k" 'BEGIN { printf "ratio to C: pyscard %.3fx, CardKit %.3fx\n", p / c, k / c }'
