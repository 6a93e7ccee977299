#!/usr/bin/env bash
# cardkit spy against tshark on the same generated usbmon capture, both writing to /dev/null, in
# one run; then the resident memory of cardkit on a 1 GB capture, and the live-pipe latency.
#
#   bench/spy/compare.sh [MB] [BIG_MB]     default 200 MB for the race, 1024 MB for the memory bar
#
# The captures go to /tmp and are deleted at the end. cardkit is the native AOT build
# (scripts/publish.sh); tshark is Debian's (scripts/setup.sh test installs it).
set -euo pipefail
cd "$(dirname "$0")/../.."
mb=${1:-200}
big_mb=${2:-1024}
cardkit=$(scripts/publish.sh)
dotnet build bench/CardKit.Benchmarks -c Release -nologo -clp:ErrorsOnly -v:q >/dev/null
gen="dotnet bench/CardKit.Benchmarks/bin/Release/net10.0/CardKit.Benchmarks.dll capture large"
capture=$(mktemp /tmp/cardkit-spy-XXXXXX.pcapng)
big=$(mktemp /tmp/cardkit-spy-big-XXXXXX.pcapng)
trap 'rm -f "$capture" "$big"' EXIT
$gen "$capture" $((mb * 1000 * 1000))
size=$(stat -c %s "$capture")
echo "capture: $capture, $size bytes"

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'; }
calc() { awk "BEGIN { print $1 }"; }
tshark_fields=(-e frame.number -e usb.device_address -e usbccid.bMessageType -e usbccid.bSlot -e usbccid.bSeq -e usbccid.bStatus
  -e usbccid.bError -e iso7816.apdu.cla -e iso7816.apdu.ins -e iso7816.apdu.p1 -e iso7816.apdu.p2 -e iso7816.apdu.lc
  -e iso7816.apdu.le -e iso7816.apdu.sw1 -e iso7816.apdu.sw2)
# The capture was just written: flush it first so that write-back does not slow whichever side
# runs first; then three alternating rounds, medians compared.
sync
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
runs_cardkit=() runs_tshark=()
for _ in 1 2 3; do
  runs_cardkit+=("$(seconds sh -c "\"$cardkit\" spy \"$capture\" --format json > /dev/null")")
  runs_tshark+=("$(seconds sh -c "tshark -r \"$capture\" -d usbccid.subdissector,iso7816 -T fields ${tshark_fields[*]} > /dev/null 2>/dev/null")")
done
echo "runs: cardkit ${runs_cardkit[*]} s; tshark ${runs_tshark[*]} s"
t_cardkit=$(median "${runs_cardkit[@]}")
t_tshark=$(median "${runs_tshark[@]}")
printf 'cardkit spy --format json  %8.2f s  %8.1f MB/s\n' "$t_cardkit" "$(calc "$size / 1000000 / $t_cardkit")"
printf 'tshark -T fields           %8.2f s  %8.1f MB/s\n' "$t_tshark" "$(calc "$size / 1000000 / $t_tshark")"
printf 'ratio                      %8.1fx\n' "$(calc "$t_tshark / $t_cardkit")"

$gen "$big" $((big_mb * 1000 * 1000))
sync
echo "memory: $(stat -c %s "$big") bytes"
/usr/bin/time -v "$cardkit" spy "$big" --format json 2>&1 >/dev/null | grep -E "Maximum resident|Elapsed"
/usr/bin/time -v "$cardkit" spy "$big" 2>&1 >/dev/null | grep -E "Maximum resident|Elapsed" | sed 's/^/text: /'

dotnet run -c Release --project bench/CardKit.Benchmarks -- spy-latency "$cardkit"
