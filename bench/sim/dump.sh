#!/usr/bin/env bash
# Dump the 250-record phone book of examples/phonebook.json from the virtual SIM through pcscd +
# vpcd: `cardkit sim phonebook` side by side with the plain pyscard GSM 11.11 loop
# (bench/sim/pyscard_dump.py), in-process dump time and whole-process time (hyperfine).
#   bench/sim/dump.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
reader="Virtual PCD F 00 00"
scripts/setup.sh test >/dev/null
scripts/pcscd.sh start >/dev/null
# The published native AOT CLI: what a user installs (start-up matters in a whole-process race).
cardkit=$(scripts/publish.sh)
"$cardkit" emulate sim --data examples/phonebook.json --port 35973 > /dev/null 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null' EXIT
for _ in $(seq 1 40); do
  "$cardkit" readers 2>/dev/null | grep -q "$reader *card" && break
  sleep 0.25
done

echo "== in-process dump time and APDU count (5 runs each, alternating)"
for _ in 1 2 3 4 5; do
  /usr/bin/python3 bench/sim/pyscard_dump.py "$reader" 1234 2>&1 >/dev/null | tail -1
  "$cardkit" sim phonebook -r "$reader" --pin 1234 --stats 2>&1 >/dev/null | tail -1
done
echo
echo "== whole process"
hyperfine -N --warmup 3 -r 20 \
  "/usr/bin/python3 bench/sim/pyscard_dump.py '$reader' 1234" \
  "$cardkit sim phonebook -r '$reader' --pin 1234"
