#!/usr/bin/env bash
# PKCS#11 sign throughput on one SoftHSM2 token, in one run: a C loop over C_Sign, CardKit,
# PyKCS11, and pkcs11-tool (one process per signature, for context); then find 1,000 objects and
# read 5 attributes each, CardKit vs PyKCS11.
#   bench/pkcs11/compare.sh [N] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-5000}
rounds=${2:-5}
module=/usr/lib/softhsm/libsofthsm2.so
scripts/setup.sh test >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/tokens"
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$work" > "$work/softhsm2.conf"
export SOFTHSM2_CONF="$work/softhsm2.conf"
softhsm2-util --init-token --free --label bench --pin 1234 --so-pin 123456 >/dev/null
pkcs11-tool --module $module --token-label bench --login --pin 1234 --keypairgen --key-type rsa:2048 --label rsa --id 01 >/dev/null
pkcs11-tool --module $module --token-label bench --login --pin 1234 --keypairgen --key-type EC:prime256v1 --label ec --id 02 >/dev/null
gcc -O2 -I/usr/include/p11-kit-1 -o "$work/sign_loop" bench/pkcs11/sign_loop.c -ldl
dotnet build bench/CardKit.Benchmarks -c Release -nologo -clp:ErrorsOnly -v:q >/dev/null
ck() { dotnet bench/CardKit.Benchmarks/bin/Release/net10.0/CardKit.Benchmarks.dll "$@"; }

# Rounds alternate the three loops so that drift on a shared machine hits all of them alike; the
# summary line gives each one's median and CardKit's ratio to the C loop.
rate() { grep -o '[0-9]*/s' | tr -d '/s'; }
for kind in rsa ec; do
  extra=(); [ $kind = ec ] && extra=(ecdsa)
  c=(); k=(); p=()
  for _ in $(seq 1 "$rounds"); do
    line=$("$work/sign_loop" $module bench 1234 $kind "$n" "${extra[@]}"); echo "$line"; c+=("$(rate <<<"$line")")
    line=$(ck p11-sign $module bench 1234 $kind "$n" "${extra[@]}"); echo "$line"; k+=("$(rate <<<"$line")")
    line=$(/usr/bin/python3 bench/pkcs11/pykcs11_loop.py $module bench 1234 $kind "$n" "${extra[0]:-rsa}"); echo "$line"; p+=("$(rate <<<"$line")")
  done
  python3 - "$kind" "${c[*]}" "${k[*]}" "${p[*]}" <<'PY'
import statistics, sys
kind, c, k, p = sys.argv[1], *[list(map(int, a.split())) for a in sys.argv[2:]]
mc, mk, mp = (statistics.median(x) for x in (c, k, p))
print(f"== {'RSA-2048' if kind == 'rsa' else 'ECDSA P-256'} medians of {len(c)} rounds: C {mc:.0f}/s, CardKit {mk:.0f}/s ({mk / mc:.3f}x of C), PyKCS11 {mp:.0f}/s ({mp / mc:.3f}x)")
PY
done
echo "data" > "$work/data"
mech=SHA256-RSA-PKCS
start=$(date +%s.%N)
for _ in $(seq 1 20); do pkcs11-tool --module $module --token-label bench --login --pin 1234 --sign --id 01 -m $mech -i "$work/data" -o "$work/sig" >/dev/null 2>&1; done
end=$(date +%s.%N)
python3 -c "print(f'pkcs11-tool: 20 RSA-2048 signatures as 20 processes, {20 / ($end - $start):.0f}/s (process start-up dominates)')"

echo
echo "== find 1,000 data objects, read 5 attributes each"
/usr/bin/python3 - <<PY
import PyKCS11
lib = PyKCS11.PyKCS11Lib(); lib.load("$module")
slot = next(s for s in lib.getSlotList(tokenPresent=True) if lib.getTokenInfo(s).label.strip() == "bench")
s = lib.openSession(slot, PyKCS11.CKF_SERIAL_SESSION | PyKCS11.CKF_RW_SESSION); s.login("1234")
for i in range(1000):
    s.createObject([(PyKCS11.CKA_CLASS, PyKCS11.CKO_DATA), (PyKCS11.CKA_TOKEN, True), (PyKCS11.CKA_LABEL, f"obj{i}"), (PyKCS11.CKA_VALUE, bytes([i % 256]) * 16)])
PY
ms() { grep -o '[0-9.]* ms' | tr -d ' ms'; }
k=(); p=()
for _ in $(seq 1 "$rounds"); do
  line=$(ck p11-find $module bench 1234); echo "$line"; k+=("$(ms <<<"$line")")
  line=$(/usr/bin/python3 bench/pkcs11/pykcs11_loop.py $module bench 1234 - 0 find); echo "$line"; p+=("$(ms <<<"$line")")
done
python3 - "${k[*]}" "${p[*]}" <<'PY'
import statistics, sys
k, p = (statistics.median(map(float, a.split())) for a in sys.argv[1:])
print(f"== find medians of {len(sys.argv[1].split())} rounds: CardKit {k:.1f} ms, PyKCS11 {p:.1f} ms (CardKit takes {k / p:.2f}x PyKCS11's time)")
PY
