#!/usr/bin/env bash
# CbGen's one entry point. Every verb does its own set-up, is idempotent and is fast on a second run.
#
#   ./build.sh run   [args]  set up, build, run the long-tailed training demo (args go to the demo;
#                            run --mlnet [args]: the ML.NET LightGBM/SDCA demo instead;
#                            run --wordnet [args]: the ML.NET text benchmark, WordNet glosses → supersenses;
#                            run --glyphs [args]: the CNN benchmark, glyphs → radicals, 137 classes;
#                            run --debtags [args]: the multi-label benchmark, package synopses → debtags)
#   ./build.sh test          set up, build, run every test project
#   ./build.sh bench [args]  set up, build, run the benchmarks (BenchmarkDotNet)
#   ./build.sh pack          set up, build, pack the NuGet packages into artifacts/packages
#   ./build.sh data  NAME    install and summarise a long-tail data set: glyphs, wordnet or debtags (docs/datasets.md)
#   ./build.sh format [--check]  format the code as .editorconfig says (--check: only verify, as CI does)
#   ./build.sh mutate TARGET mutation testing (Stryker.NET), one eng/stryker/TARGET.json; not in CI
#   ./build.sh setup         only the set-up steps
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
CONFIG="${CONFIGURATION:-Release}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '[build.sh] %s\n' "$*"; }
die() { printf '[build.sh] error: %s\n' "$*" >&2; exit 1; }

# shellcheck source=eng/setup.sh
source "$ROOT/eng/setup.sh"
# shellcheck source=eng/mutate.sh
source "$ROOT/eng/mutate.sh"

verb="${1:-help}"
[ $# -gt 0 ] && shift

case "$verb" in
  setup)
    require_dotnet; ensure_glibcxx; ensure_fashion_mnist ;;
  run)
    if [ "${1:-}" = "--glyphs" ]; then
      shift; require_dotnet; ensure_glibcxx; ensure_glyph_data
      if [ "${1:-}" = "--update-counts" ]; then check_glyph_counts update; exit 0; fi
      check_glyph_counts
      say "building the glyph benchmark ($CONFIG)"
      dotnet build examples/GlyphsLongTail -c "$CONFIG" -nologo -v quiet
      exec dotnet run --project examples/GlyphsLongTail -c "$CONFIG" --no-build -- "$@"
    fi
    if [ "${1:-}" = "--wordnet" ]; then
      shift; require_dotnet; ensure_wordnet
      say "building the ML.NET WordNet benchmark ($CONFIG)"
      dotnet build examples/WordNetLongTail.MlNet -c "$CONFIG" -nologo -v quiet
      exec dotnet run --project examples/WordNetLongTail.MlNet -c "$CONFIG" --no-build -- "$@"
    fi
    if [ "${1:-}" = "--debtags" ]; then
      shift; require_dotnet; ensure_glibcxx
      extra=()
      case " $* " in *" --packages "*) ;; *) ensure_debtags; extra=(--packages "$DEBTAGS_LIST") ;; esac
      say "building the debtags benchmark ($CONFIG)"
      dotnet build examples/DebtagsLongTail -c "$CONFIG" -nologo -v quiet
      exec dotnet run --project examples/DebtagsLongTail -c "$CONFIG" --no-build -- "$@" "${extra[@]}"
    fi
    if [ "${1:-}" = "--mlnet" ]; then
      shift; require_dotnet; ensure_fashion_mnist
      say "building the ML.NET demo ($CONFIG)"
      dotnet build examples/FashionMnistLongTail.MlNet -c "$CONFIG" -nologo -v quiet
      exec dotnet run --project examples/FashionMnistLongTail.MlNet -c "$CONFIG" --no-build -- "$@"
    fi
    require_dotnet; ensure_glibcxx; ensure_fashion_mnist
    say "building the demo ($CONFIG)"
    dotnet build examples/FashionMnistLongTail -c "$CONFIG" -nologo -v quiet
    dotnet run --project examples/FashionMnistLongTail -c "$CONFIG" --no-build -- "$@" ;;
  test)
    require_dotnet; ensure_glibcxx; check_disk_space
    say "restoring and building CbGen.sln ($CONFIG)"
    dotnet build CbGen.sln -c "$CONFIG" -nologo -v quiet
    say "running the tests"
    run_tests ;;
  bench)
    require_dotnet; ensure_glibcxx
    dotnet build tests/CbGen.Benchmarks -c Release -nologo -v quiet
    dotnet run --project tests/CbGen.Benchmarks -c Release --no-build -- "$@" ;;
  pack)
    require_dotnet
    dotnet pack CbGen.sln -c Release -nologo -v quiet -o artifacts/packages "$@"
    say "packages written to artifacts/packages" ;;
  format)
    # --check: fail when a file is not formatted as .editorconfig says (CI runs it); without: rewrite the files.
    require_dotnet
    if [ "${1:-}" = "--check" ]; then
      say "checking formatting (dotnet format --verify-no-changes)"
      dotnet format CbGen.sln --verify-no-changes -v quiet || die "files are not formatted as .editorconfig says: run ./build.sh format"
    else
      dotnet format CbGen.sln -v quiet
    fi ;;
  mutate)
    require_dotnet; ensure_glibcxx
    run_mutation "$@" ;;
  data)
    require_dotnet
    extra=()
    case "${1:-}" in
      glyphs) ensure_glyph_data ;;
      wordnet) ensure_wordnet ;;
      debtags) case " $* " in *" --packages "*) ;; *) ensure_debtags; extra=(--packages "$DEBTAGS_LIST") ;; esac ;;
      *) die "name the data set: ./build.sh data glyphs|wordnet|debtags [options] (see docs/datasets.md)" ;;
    esac
    dotnet build examples/LongTailData -c "$CONFIG" -nologo -v quiet
    dotnet run --project examples/LongTailData -c "$CONFIG" --no-build -- "$@" "${extra[@]}" ;;
  help|-h|--help)
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' ;;
  *)
    die "unknown verb '$verb' (use run, test, bench, pack, data, mutate or setup)" ;;
esac
