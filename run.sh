#!/usr/bin/env bash
# CardKit's main job on a fresh Debian machine, no hardware needed:
#   installs what is missing, starts pcscd with the vpcd reader driver, plugs CardKit's virtual
#   SIM into "Virtual PCD 00 00", lists the readers, runs the example script with the APDU
#   trace on and dumps the SIM's phone book. Where pcscd cannot be installed or started (no root), it says so and runs the same
#   job on the in-process virtual SIM (--reader emu:sim).
#   ./run.sh web starts the web service (cardkit-web) instead.
#
# Note: vpcd listens on ALL network interfaces (ports 35963-35976), not only loopback; anyone
# who can reach them can play a card to this machine's pcscd.
set -uo pipefail
cd "$(dirname "$0")"

# ./run.sh web: the ATR service and card console on http://127.0.0.1:5080/ with the embedded
# SQLite database (extra options go to cardkit-web, e.g. ./run.sh web --urls http://127.0.0.1:8080).
if [ "${1:-}" = "web" ]; then
  shift
  scripts/setup.sh run >/dev/null 2>&1 && scripts/pcscd.sh start >/dev/null 2>&1 \
    || echo "run.sh: pcscd is not available; the console offers the in-process virtual cards (emu:sim, ...)" >&2
  dotnet build src/CardKit.Web -c Release -nologo -clp:ErrorsOnly -v:q >/dev/null || {
    echo "run.sh: build failed; run: dotnet build src/CardKit.Web -c Release" >&2
    exit 1
  }
  echo "== cardkit-web: open the address it prints in a browser (Ctrl-C stops it)"
  exec src/CardKit.Web/bin/Release/net10.0/cardkit-web "$@"
fi

cardkit=src/CardKit.Cli/bin/Release/net10.0/cardkit
reader=""
emulator_pid=""
cleanup() { [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null; }
trap cleanup EXIT

if scripts/setup.sh run && scripts/pcscd.sh start; then
  pcsc=1
else
  pcsc=0
fi

dotnet build src/CardKit.Cli -c Release -nologo -clp:ErrorsOnly -v:q >/dev/null || {
  echo "run.sh: build failed; run: dotnet build src/CardKit.Cli -c Release" >&2
  exit 1
}

if [ "$pcsc" -eq 1 ]; then
  "$cardkit" emulate sim --port 35963 > .run/emulate.log 2>&1 &
  emulator_pid=$!
  # Wait (at most 10 s) until pcscd reports the card in "Virtual PCD 00 00".
  for _ in $(seq 1 40); do
    "$cardkit" readers 2>/dev/null | grep -q "Virtual PCD 00 00 *card" && break
    sleep 0.25
  done
  reader="Virtual PCD 00 00"
  echo "== PC/SC readers (pcscd with vpcd; CardKit's virtual SIM is in '$reader')"
  "$cardkit" readers
else
  echo "== pcscd is not available here (not installed and no root to install it, or it would not start):"
  echo "   running the same job on CardKit's in-process virtual SIM (--reader emu:sim) instead."
  reader="emu:sim"
fi

echo
echo "== Example script with the APDU trace (examples/sim-phonebook.script)"
"$cardkit" script --reader "$reader" --trace examples/sim-phonebook.script 2>&1 || exit $?

echo
echo "== The SIM: card information and phone book (PIN 1234 is the virtual SIM's)"
export CARDKIT_DEMO_PIN=1234
"$cardkit" sim info --reader "$reader" --pin-env CARDKIT_DEMO_PIN || exit $?
echo
"$cardkit" sim phonebook --reader "$reader" --pin-env CARDKIT_DEMO_PIN
