#!/usr/bin/env bash
# openCryptoki's software token, the second real PKCS#11 module of the tests: unlike SoftHSM2 it
# locks the user PIN after wrong tries (CKR_PIN_LOCKED) and it lacks SHA256-RSA-PKCS.
#
#   scripts/opencryptoki.sh start   configure slot 3 (the soft token) as the only slot, start pkcsslotd
#   scripts/opencryptoki.sh stop
#
# The tests (re)initialise the token in slot 3 with openCryptoki's default SO PIN 87654321.
# Needs root and the opencryptoki package (scripts/setup.sh test installs it).
set -euo pipefail
conf=/etc/opencryptoki/opencryptoki.conf
wanted='version opencryptoki-3.1
slot 3
{
stdll = libpkcs11_sw.so
}'

running() { pgrep -x pkcsslotd >/dev/null 2>&1; }

stop() {
  if running; then
    pkill -x pkcsslotd || true
    for _ in $(seq 50); do running || return 0; sleep 0.1; done
    echo "opencryptoki: pkcsslotd did not stop" >&2
    exit 1
  fi
}

case "${1:-start}" in
  start)
    if [ "$(id -u)" -ne 0 ] || ! command -v pkcsslotd >/dev/null 2>&1; then
      echo "opencryptoki: needs root and the opencryptoki package (scripts/setup.sh test)" >&2
      exit 3
    fi
    # The stock configuration lists slots for hardware this machine lacks (TPM, CCA, ICA, EP11).
    if [ "$(cat "$conf" 2>/dev/null)" != "$wanted" ]; then
      [ -f "$conf.dist" ] || cp "$conf" "$conf.dist" 2>/dev/null || true
      printf '%s\n' "$wanted" > "$conf"
      stop
    fi
    # Lock, state and run directories (lost with /run at reboot; the package's tmpfiles entry).
    if command -v systemd-tmpfiles >/dev/null 2>&1; then
      systemd-tmpfiles --create /usr/lib/tmpfiles.d/opencryptoki.conf >/dev/null 2>&1 || true
    fi
    install -d -m 0770 -g pkcs11 /run/opencryptoki /var/lock/opencryptoki/swtok /var/lib/opencryptoki/swtok/TOK_OBJ
    if ! running; then
      "$(cd "$(dirname "$0")" && pwd)/detached.sh" pkcsslotd
      for _ in $(seq 50); do running && break; sleep 0.1; done
      running || { echo "opencryptoki: pkcsslotd did not start" >&2; exit 1; }
    fi
    ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
