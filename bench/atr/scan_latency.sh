#!/usr/bin/env bash
# How long after a virtual card connects to vpcd does `cardkit scan` report it? 10 insertions
# into "Virtual PCD F 00 00"; prints each latency and the median.
#   bench/atr/scan_latency.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup.sh test >/dev/null
scripts/pcscd.sh start >/dev/null
dotnet build src/CardKit.Cli -c Release -nologo -clp:ErrorsOnly -v:q >/dev/null
cardkit=src/CardKit.Cli/bin/Release/net10.0/cardkit
events=$(mktemp)
"$cardkit" scan --json -n > "$events" &
scan=$!
trap 'kill $scan 2>/dev/null; rm -f "$events"' EXIT
sleep 2
# The emulator logs "connected" when its TCP connection to vpcd is up; the latency is from that
# moment to the scan event (pcscd polls a serial driver's card presence every 400 ms).
python3 - "$cardkit" "$events" <<'PY'
import datetime, json, subprocess, sys, time
cardkit, events = sys.argv[1], sys.argv[2]
latencies = []
for i in range(1, 11):
    emulator = subprocess.Popen([cardkit, "emulate", "iso", "--port", "35973"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in emulator.stderr:
        if "connected" in line:
            connected = time.time()
            break
    seen = None
    for _ in range(300):
        inserted = [json.loads(l) for l in open(events) if '"CardInserted","reader":"Virtual PCD F 00 00"' in l]
        if len(inserted) >= i:
            seen = datetime.datetime.fromisoformat(inserted[-1]["time"]).timestamp()
            break
        time.sleep(0.01)
    latencies.append(round((seen - connected) * 1000))
    emulator.kill(); emulator.wait()
    time.sleep(1)
latencies.sort()
print("vpcd connection -> scan event (ms):", latencies)
print(f"median {latencies[len(latencies) // 2]} ms, max {latencies[-1]} ms")
PY
