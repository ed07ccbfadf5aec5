# Mutation testing with Stryker.NET (the dotnet-stryker local tool pinned in .config/dotnet-tools.json). Sourced by
# build.sh, not executed. Not part of CI: a full target takes tens of minutes on 2 cores.
#
#   ./build.sh mutate maths      src/CbGen/Maths               against tests/CbGen.Tests (Maths tests)
#   ./build.sh mutate runtime    CbGen.TorchSharp's loss core  against tests/CbGen.TorchSharp.Tests
#   ./build.sh mutate longtail   LA / LDAM / logit-shift losses against tests/CbGen.TorchSharp.Tests
#   ./build.sh mutate generator  CountsFileParser*, CountsFiles/*, Emitting/*  against tests/CbGen.Generators.Tests
#   ./build.sh mutate emitter    Emitting/* without string mutants (the snapshots pin the text) against the
#                                snapshot, table, sweep and robustness tests of tests/CbGen.Generators.Tests
#   ./build.sh mutate emitter-mlnet  Emitting/Emitter.MlNet.cs (the generated ML.NET helpers) against the snapshot and
#                                name-clash tests of tests/CbGen.ML.Tests, which run the generator with Microsoft.ML
#   ./build.sh mutate parsers    the generator's parsers (Parser*, SweepParser*, DatasetParser*, ConfigChecks, SamplesSyntax) and its
#                                clash planning (Planning/NameClashes.cs) against tests/CbGen.Generators.Tests
#   ./build.sh mutate evaluation src/CbGen/Evaluation          against tests/CbGen.Tests (Evaluation tests)
#   ./build.sh mutate mlnet      src/CbGen.ML                  against tests/CbGen.ML.Tests
#
# Extra arguments go to Stryker, e.g. --mutate '**/Validation.cs' to iterate on one file, or --since:main.
# Each target's settings (project, files found by name, test filter, message-text exclusions) are in
# eng/stryker/<target>.json; the HTML and JSON reports land in artifacts/mutation/<target>/reports/.

mutation_test_project() {
  case "$1" in
    maths|evaluation) printf 'tests/CbGen.Tests' ;;
    runtime|longtail) printf 'tests/CbGen.TorchSharp.Tests' ;;
    generator|emitter|parsers) printf 'tests/CbGen.Generators.Tests' ;;
    mlnet|emitter-mlnet) printf 'tests/CbGen.ML.Tests' ;;
    *) return 1 ;;
  esac
}

run_mutation() {
  local target="${1:-}"
  [ $# -gt 0 ] && shift
  local tests
  tests="$(mutation_test_project "$target")" \
    || die "unknown mutation target '${target}' (use maths, runtime, longtail, generator, emitter, emitter-mlnet, parsers, evaluation or mlnet)"
  local out="$ROOT/artifacts/mutation/$target"
  say "restoring the dotnet-stryker tool (.config/dotnet-tools.json)"
  dotnet tool restore >/dev/null
  say "mutation testing '$target' against $tests (reports in ${out#"$ROOT"/}/reports)"
  # Stryker runs in the test project's folder: at the root it would see CbGen.sln and ignore the test project.
  (cd "$ROOT/$tests" && dotnet tool run dotnet-stryker --config-file "$ROOT/eng/stryker/$target.json" \
      --output "$out" --skip-version-check "$@")
  say "report: ${out#"$ROOT"/}/reports/mutation-report.html (JSON beside it)"
}
