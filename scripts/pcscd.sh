#!/usr/bin/env bash
# Starts, stops or restarts pcscd with the vpcd readers; no systemd needed.
#
#   scripts/pcscd.sh start     start pcscd unless it already runs with CardKit's readers
#   scripts/pcscd.sh stop
#   scripts/pcscd.sh restart
#   scripts/pcscd.sh status    exit 0 when pcscd runs and vpcd listens
#
# The log goes to .run/pcscd.log in the repository. Exit code 3: pcscd cannot be started
# (not installed, not root and not running).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
log_dir="$root/.run"
first_port=35963
last_port=35975   # "Virtual PCD G 00 00" from scripts/setup.sh (pcsc-lite: 16 reader states per SCardGetStatusChange, the PnP one included, so 14 readers at most)

listening() { ss -ltnH 2>/dev/null | awk '{print $4}' | grep -q ":$1\$"; }
running() { pgrep -x pcscd >/dev/null 2>&1; }

ready() {
  running && [ -S /run/pcscd/pcscd.comm ] && listening "$first_port"
}

wait_for() {
  local what=$1 i
  for i in $(seq 1 100); do
    if "$what"; then return 0; fi
    sleep 0.1
  done
  return 1
}

stopped() { ! running; }

stop() {
  if running; then
    pkill -x pcscd || true
    wait_for stopped || pkill -9 -x pcscd || true
  fi
}

start() {
  if ready && { ! [ -f /etc/reader.conf.d/cardkit-vpcd ] || listening "$last_port"; }; then
    return 0
  fi
  if ! command -v pcscd >/dev/null 2>&1; then
    echo "pcscd.sh: pcscd is not installed (scripts/setup.sh run installs it)" >&2
    exit 3
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "pcscd.sh: pcscd is not running and starting it needs root" >&2
    exit 3
  fi
  stop
  mkdir -p "$log_dir" /run/pcscd
  rm -f /run/pcscd/pcscd.comm /run/pcscd/pcscd.pid
  "$here/detached.sh" setsid nohup pcscd --foreground --error >>"$log_dir/pcscd.log" 2>&1 < /dev/null &
  if ! wait_for ready; then
    echo "pcscd.sh: pcscd did not come up within 10 s; see $log_dir/pcscd.log" >&2
    exit 3
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) ready ;;
  *) echo "usage: $0 start|stop|restart|status" >&2; exit 2 ;;
esac
