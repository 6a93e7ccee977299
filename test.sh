#!/usr/bin/env bash
# Sets up this machine (Debian packages, pcscd with the vpcd readers) and runs every test:
# unit tests, fuzz loops, and integration tests against a real pcscd + vpcd with CardKit's
# virtual cards, a real SoftHSM2 token, OpenSSL and pkcs11-tool.
#
#   ./test.sh                 everything
#   ./test.sh --project tests/CardKit.Tests    one test project (any dotnet test options pass through)
set -euo pipefail
cd "$(dirname "$0")"

scripts/setup.sh test
scripts/pcscd.sh start

dotnet build CardKit.slnx -c Release -nologo -clp:ErrorsOnly

# Every test that touches a daemon, socket or card has its own timeout; --timeout is the last
# line of defence per test module so that a hang can never eat CI's budget.
args=(--configuration Release --no-build --timeout 20m)
if [ $# -eq 0 ]; then
  dotnet test --solution CardKit.slnx "${args[@]}"
else
  dotnet test "${args[@]}" "$@"
fi
