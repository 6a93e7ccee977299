#!/usr/bin/env bash
# Publishes `cardkit` as a native executable (.NET native AOT): what people install. It starts in
# about 8 ms where the JIT build takes about 70 ms, which decides a race like `cardkit atr` against
# ATR_analysis or a whole-process phone book dump against pyscard.
#
#   scripts/publish.sh [OUTPUT_DIR]    default artifacts/cardkit; prints the path of the binary
#
# Needs clang and zlib1g-dev besides the .NET SDK (scripts/setup.sh test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/cardkit}
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) echo "publish: no native AOT runtime identifier for $(uname -m)" >&2; exit 3 ;;
esac
dotnet publish src/CardKit.Cli -c Release -r "$rid" -p:PublishAot=true -o "$out" -nologo -clp:ErrorsOnly -v:q >/dev/null
# The assembly is CardKit.Cli (see CardKit.Cli.csproj); the command is cardkit.
cp -f "$out/CardKit.Cli" "$out/cardkit"
echo "$out/cardkit"
