#!/usr/bin/env bash
# Sets up this machine (Debian packages, pcscd with the vpcd readers) and runs every test:
# unit tests, fuzz loops, and integration tests against a real pcscd + vpcd with CardKit's
# virtual cards, real SoftHSM2 and openCryptoki tokens, OpenSSL and pkcs11-tool.
#
#   ./test.sh                 everything
#   ./test.sh --project tests/CardKit.Tests    one test project (any dotnet test options pass through)
set -euo pipefail
cd "$(dirname "$0")"

scripts/setup.sh test
scripts/pcscd.sh start
scripts/opencryptoki.sh start

dotnet build CardKit.slnx -c Release -nologo -clp:ErrorsOnly
# The process-level CLI tests run the native AOT `cardkit`, the one people install.
CARDKIT_BINARY="$PWD/$(scripts/publish.sh)"
export CARDKIT_BINARY

# Every test that touches a daemon, socket or card has its own timeout; --timeout is the last
# line of defence per test module so that a hang can never eat CI's budget.
args=(--configuration Release --no-build --timeout 10m)
if [ $# -gt 0 ]; then
  exec dotnet test "${args[@]}" "$@"
fi

# Pass 1: everything except the tests that restart the shared pcscd (they would pull the card
# out from under the suites running in parallel).
dotnet test --solution CardKit.slnx "${args[@]}" --filter-not-trait "Category=RestartsPcscd"

# Pass 2: the tests that stop or restart pcscd, one project at a time, with nothing else running.
for project in tests/CardKit.Pcsc.Tests tests/CardKit.Hosting.Tests tests/CardKit.Cli.Tests tests/CardKit.Web.Tests; do
  dotnet test --project "$project" "${args[@]}" --filter-trait "Category=RestartsPcscd"
done
scripts/pcscd.sh start
