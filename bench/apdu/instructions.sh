#!/usr/bin/env bash
# What the decoder's words cost the CLI: instructions (callgrind, exact and repeatable where wall
# time on a shared machine is not) of the published native `cardkit send` and `cardkit script` on the
# in-process virtual SIM, for two builds side by side: BASE (a cardkit binary, e.g. one published
# from main) and this tree's.
#   bench/apdu/instructions.sh BASE_CARDKIT
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${1:?usage: bench/apdu/instructions.sh BASE_CARDKIT}
scripts/setup.sh test >/dev/null
# callgrind is only this bench's tool, so the test setup does not install it.
if ! command -v valgrind >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends valgrind >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind cannot read the AOT binary's .dbg (next to it): each binary alone in its own directory.
mkdir "$work/base" "$work/this"
cp "$base" "$work/base/cardkit"
cp "$(scripts/publish.sh)" "$work/this/cardkit"
# GSM 11.11 steps on the virtual SIM (selects with 9Fxx and GET RESPONSE, records, 67 00, 94 04, 94 08,
# 6E 00, 6F 00, 6D 00), 100 times: 1,000 lines.
for _ in $(seq 100); do
  printf '%s\n' "A0 A4 00 00 02 3F 00" "A0 A4 00 00 02 7F 10" "A0 A4 00 00 02 6F 3A" "A0 B2 01 04 1E" "A0 B2 01 04 00" \
    "A0 A4 00 00 02 6F 99" "A0 B0 00 00 05" "00 A4 00 0C 02 3F 00" "A0 C0 00 00 10" "A0 CA 00 00 00"
done > "$work/script"
instructions() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/ { print $NF }'; }
for command in "send --reader emu:sim A0A40000023F00 A0200001083132333435FFFFFFFF 00B0000000" \
               "script --reader emu:sim $work/script"; do
  # shellcheck disable=SC2086 # the command's words are separate arguments
  b=$(instructions "$work/base/cardkit" $command || true)
  # shellcheck disable=SC2086
  t=$(instructions "$work/this/cardkit" $command || true)
  python3 -c "b, t = $b, $t; print(f'cardkit ${command%% *}: base {b:,} instructions, this {t:,} ({(t - b) / b:+.2%})')"
done
