#!/usr/bin/env bash
# Runs a daemon without the caller's descriptors above 2: under `flock /tmp/cardkit-pcscd.lock ...`
# fd 3 is the lock, and a daemon that inherits it holds the lock for as long as it runs.
#   scripts/detached.sh COMMAND [ARG ...]
for fd in /proc/self/fd/*; do
  n=${fd##*/}
  [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-"
done
exec "$@"
