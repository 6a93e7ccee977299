#!/usr/bin/env bash
# Installs the Debian packages CardKit needs and adds CardKit's virtual readers to pcscd.
#
#   scripts/setup.sh run    what ./run.sh needs: pcscd, the vpcd reader driver, pcsc-tools
#   scripts/setup.sh test   everything the tests and benchmarks use (SoftHSM2, OpenSC, OpenSSL
#                           engine, pyscard, PyKCS11, a C compiler for the C baselines, clang for
#                           the native AOT cardkit, PostgreSQL, Chromium and wrk for the web service, ...)
#
# Exit codes: 0 ready; 3 something is missing and cannot be installed (not root, no apt).
set -euo pipefail
profile=${1:-test}
here=$(cd "$(dirname "$0")" && pwd)

run_packages=(pcscd vsmartcard-vpcd pcsc-tools libpcsclite1 procps iproute2)
test_packages=("${run_packages[@]}" python3-pyscard python3-pycryptodome vsmartcard-vpicc
  softhsm2 opensc libengine-pkcs11-openssl openssl python3-pykcs11
  opencryptoki gcc libc6-dev libpcsclite-dev libp11-kit-dev hyperfine clang zlib1g-dev tshark
  libccid  # libccid: its Info.plist is what `cardkit doctor` checks USB readers against in the tests
  postgresql chromium wrk)  # the web service: its database tests, browser journey and benches

case "$profile" in
  run) packages=("${run_packages[@]}") ;;
  test) packages=("${test_packages[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is not on PATH. Install it (https://dot.net/install) and run again." >&2
  exit 3
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    echo "setup: run as root (or: sudo apt-get install ${missing[*]})" >&2
    exit 3
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# CardKit's extra vpcd readers: "Virtual PCD B".."G", two slots each, so test suites that run
# in parallel never share a reader (tests/Shared/VirtualReaders.cs hands them out). The stock
# /etc/reader.conf.d/vpcd keeps "Virtual PCD 00 00"/"00 01" (ports 35963/35964) for people.
# vpcd listens on ALL interfaces, not just loopback: anyone who can reach these ports can
# play a card to this machine's pcscd.
#
# Each extra reader needs its OWN copy of the driver: libifdvpcd keeps its card connections in
# a static array indexed by slot only (Lun & 0xffff), so readers sharing one loaded .so overwrite
# each other's slot 0/1 and no card is ever seen. A copy under another path is loaded separately.
if [ "$(id -u)" -eq 0 ] && [ -d /etc/reader.conf.d ]; then
  driver=/usr/lib/pcsc/drivers/serial/libifdvpcd.so
  copies=/usr/local/lib/cardkit/pcsc
  conf=/etc/reader.conf.d/cardkit-vpcd
  changed=0
  mkdir -p "$copies"
  tmp=$(mktemp)
  {
    echo "# Written by CardKit scripts/setup.sh: extra vpcd readers for parallel test suites."
    port=35965
    for name in B C D E F G; do
      copy="$copies/libifdvpcd-$name.so"
      if ! cmp -s "$driver" "$copy" 2>/dev/null; then
        cp "$driver" "$copy"
        changed=1
      fi
      printf 'FRIENDLYNAME "Virtual PCD %s"\nDEVICENAME   /dev/null:0x%X\nLIBPATH      %s\nCHANNELID    0x%X\n\n' \
        "$name" "$port" "$copy" "$port"
      port=$((port + 2))
    done
  } > "$tmp"
  if ! cmp -s "$tmp" "$conf" 2>/dev/null; then
    mv "$tmp" "$conf"
    chmod 644 "$conf"
    changed=1
    echo "setup: wrote $conf"
  else
    rm -f "$tmp"
  fi
  if [ "$changed" -eq 1 ] && pgrep -x pcscd >/dev/null 2>&1; then
    echo "setup: restarting pcscd to load the reader configuration"
    "$here/pcscd.sh" restart
  fi
fi
exit 0
