# Set-up steps shared by build.sh and .ci/run. Sourced, not executed. Each step checks first and
# changes nothing when the machine already has what it needs.

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 \
    || die "the .NET SDK is not on PATH. Install the .NET 10 SDK (see global.json) and run this again."
}

# TorchSharp 0.107.0's libLibTorchSharp.so is linked against GLIBCXX_3.4.32 (GCC >= 13). Debian 12
# ships GCC 12's libstdc++ (GLIBCXX up to 3.4.30), so TorchSharp cannot load there.
libstdcxx_path() {
  local p
  p="$(ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')"
  [ -n "$p" ] || p=/usr/lib/x86_64-linux-gnu/libstdc++.so.6
  printf '%s' "$p"
}

has_glibcxx_3_4_32() {
  local lib; lib="$(libstdcxx_path)"
  [ -r "$lib" ] && grep -aq 'GLIBCXX_3\.4\.32' "$lib"
}

# The Debian mirror this machine already uses, read from its own apt sources (deb822 or one-line form).
debian_mirror_uri() {
  local uri=""
  if [ -r /etc/apt/sources.list.d/debian.sources ]; then
    uri="$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)"
  fi
  if [ -z "$uri" ]; then
    uri="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | awk '$1=="deb" && $0 !~ /security/ {for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}')"
  fi
  printf '%s' "$uri"
}

ensure_glibcxx() {
  if has_glibcxx_3_4_32; then return 0; fi
  local codename=""
  [ -r /etc/os-release ] && codename="$(. /etc/os-release && printf '%s' "${VERSION_CODENAME:-}")"
  local fix="install a libstdc++6 built by GCC >= 13 (Debian 13 'trixie', Ubuntu 24.04 or newer)"
  if [ "$codename" != "bookworm" ]; then
    die "$(libstdcxx_path) lacks the symbol version GLIBCXX_3.4.32 that TorchSharp 0.107.0 needs; $fix."
  fi
  if [ "$(id -u)" -ne 0 ]; then
    die "$(libstdcxx_path) lacks GLIBCXX_3.4.32 (TorchSharp 0.107.0 needs GCC >= 13's libstdc++). Run this script as root once so it can install libstdc++6 from Debian 13, or $fix."
  fi
  local uri; uri="$(debian_mirror_uri)"
  [ -n "$uri" ] || die "no Debian mirror found in /etc/apt/sources*; add one or $fix."
  local dir=/var/lib/cbgen/apt-trixie
  mkdir -p "$dir/lists/partial"
  printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s trixie main\n' "$uri" > "$dir/sources.list"
  say "TorchSharp 0.107.0 needs GLIBCXX_3.4.32 (GCC >= 13); this Debian 12 machine's libstdc++ lacks it."
  say "Installing libstdc++6 from Debian 13 (trixie) through a private apt source list ($dir/sources.list,"
  say "mirror $uri). This upgrades libc6 and some 27 related packages; it removes nothing."
  local opts=(-o "Dir::Etc::SourceList=$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
              -o "Dir::State::Lists=$dir/lists")
  DEBIAN_FRONTEND=noninteractive apt-get "${opts[@]}" -q update >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get "${opts[@]}" -q -y --no-install-recommends install libstdc++6 \
    | grep -E '^(Setting up|[0-9]+ upgraded)' || true
  has_glibcxx_3_4_32 || die "libstdc++6 from Debian 13 was installed but GLIBCXX_3.4.32 is still missing in $(libstdcxx_path)."
  say "libstdc++ now provides GLIBCXX_3.4.32."
}

FASHION_MNIST_DIR=/usr/share/datasets/fashion-mnist

ensure_fashion_mnist() {
  if [ -r "$FASHION_MNIST_DIR/train-labels-idx1-ubyte.gz" ]; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    say "Fashion-MNIST is not in $FASHION_MNIST_DIR; run 'apt-get install dataset-fashion-mnist' as root, or pass --data DIR to the demo."
    return 0
  fi
  say "Installing the Debian package dataset-fashion-mnist (the real Fashion-MNIST, MIT) into $FASHION_MNIST_DIR."
  DEBIAN_FRONTEND=noninteractive apt-get -q update >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get -q -y --no-install-recommends install dataset-fashion-mnist >/dev/null
}

# The glyphs → radicals data set (examples/LongTailData, docs/datasets.md): unifont's unifont.hex and
# unicode-data's Unihan. Not called by `test`: the tests read excerpts shipped in tests/LongTailData.Tests.
UNIFONT_HEX=/usr/share/unifont/unifont.hex
UNIHAN_RS=/usr/share/unicode/Unihan_IRGSources.txt.bz2

# Installs the Debian packages whose files are missing (as root), or says which to install.
ensure_debian_files() {
  local what="$1"; shift
  local missing=() pkg file
  while [ $# -gt 1 ]; do
    pkg="$1"; file="$2"; shift 2
    [ -r "$file" ] || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "$what needs the Debian package(s) ${missing[*]}; run 'apt-get install ${missing[*]}' as root."
    return 0
  fi
  say "Installing the Debian package(s) ${missing[*]} for $what."
  DEBIAN_FRONTEND=noninteractive apt-get -q update >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get -q -y --no-install-recommends install "${missing[@]}" >/dev/null
}

ensure_glyph_data() {
  ensure_debian_files "the glyphs data set" unifont "$UNIFONT_HEX" unicode-data "$UNIHAN_RS"
}

# The glyph benchmark's counts file, written the documented way: the builder's training labels, counted by
# `cbgen count --csv`. check_glyph_counts fails when the committed file differs (the benchmark's generated losses
# would then not be the data set's); with "update" it rewrites the file instead.
GLYPH_COUNTS=examples/GlyphsLongTail/glyphs.counts.csv

check_glyph_counts() {
  local mode="${1:-check}" tmp
  tmp="$(mktemp -d)"
  dotnet build examples/LongTailData -c "$CONFIG" -nologo -v quiet
  dotnet build src/CbGen.Cli -c "$CONFIG" -nologo -v quiet
  dotnet run --project examples/LongTailData -c "$CONFIG" --no-build -- glyphs --labels "$tmp/labels.csv" >/dev/null
  dotnet run --project src/CbGen.Cli -c "$CONFIG" --no-build -- count "$tmp/labels.csv" --column radical --csv -o "$tmp/glyphs.counts.csv" 2>/dev/null
  if [ "$mode" = update ]; then
    cp "$tmp/glyphs.counts.csv" "$GLYPH_COUNTS"; rm -rf "$tmp"
    say "wrote $GLYPH_COUNTS"; return 0
  fi
  if ! cmp -s "$tmp/glyphs.counts.csv" "$GLYPH_COUNTS"; then
    diff "$GLYPH_COUNTS" "$tmp/glyphs.counts.csv" | head -10 >&2 || true
    rm -rf "$tmp"
    die "$GLYPH_COUNTS differs from what the data-set builder and 'cbgen count' give now; rewrite it with ./build.sh run --glyphs --update-counts"
  fi
  rm -rf "$tmp"
  say "$GLYPH_COUNTS matches the builder's training counts"
}

# The glosses → supersenses data set: wordnet-base's data.noun, data.verb, data.adj, data.adv.
WORDNET_DIR=/usr/share/wordnet

ensure_wordnet() {
  ensure_debian_files "the wordnet data set" wordnet-base "$WORDNET_DIR/data.noun"
}

# The debtags data set: Debian's main Packages list, written by 'apt-get update' under /var/lib/apt/lists (the
# release's own list, not -updates or -security). A fresh machine (or a container image) may have no lists: as root,
# this runs 'apt-get update' once to download them, as the other data steps do before they install; not root, it stops
# and says so. apt may keep the list lz4-compressed; the builder reads plain text, so a .lz4 list is decompressed once
# into artifacts/data/debtags/ (again when apt has a newer one) with lz4cat, installing the package lz4 first (as root)
# when it is missing. Sets DEBTAGS_LIST.
APT_LISTS=/var/lib/apt/lists

debtags_main_list() {
  find "$APT_LISTS" -maxdepth 1 -name '*_main_binary-*_Packages*' ! -name '*-updates_*' ! -name '*-security_*' 2>/dev/null | sort | head -1
}

ensure_debtags() {
  local list plain
  list="$(debtags_main_list)"
  if [ -z "$list" ]; then
    [ "$(id -u)" -eq 0 ] \
      || die "no Debian main Packages list in $APT_LISTS; download the lists with 'apt-get update' (as root), or pass --packages FILE"
    say "No Debian main Packages list in $APT_LISTS: downloading apt's package lists (apt-get update) for the debtags data set."
    DEBIAN_FRONTEND=noninteractive apt-get -q update >/dev/null
    list="$(debtags_main_list)"
    [ -n "$list" ] || die "apt-get update wrote no main Packages list into $APT_LISTS (is a Debian main source in /etc/apt/sources*?); pass --packages FILE"
  fi
  case "$list" in
    *.lz4)
      command -v lz4cat >/dev/null || ensure_debian_files "decompressing $list" lz4 /usr/bin/lz4cat
      command -v lz4cat >/dev/null || die "$list is lz4-compressed; install lz4 ('apt-get install lz4') or pass --packages FILE (a plain list)"
      mkdir -p artifacts/data/debtags
      plain="artifacts/data/debtags/$(basename "${list%.lz4}")"
      if [ ! -s "$plain" ] || [ "$list" -nt "$plain" ]; then
        say "decompressing $list into $plain"
        lz4cat "$list" > "$plain.tmp" && mv "$plain.tmp" "$plain"
      fi
      DEBTAGS_LIST="$plain" ;;
    *_Packages) DEBTAGS_LIST="$list" ;;
    *) die "$list: a compressed list the builder does not read; decompress it and pass --packages FILE" ;;
  esac
}

# A full build links libtorch (about 0.5 GB) into each project that carries it (Directory.Build.props: hard links, or
# symbolic ones across file systems), and the package tests' consumer projects link theirs too, so building and testing
# need well under 1 GB. Warns, naming what is short, when the repository's file system has less than that free, or the
# package cache's less than libtorch's restore needs (about 3 GB) when it lacks libtorch: a full disk otherwise ends
# the build with a long MSBuild trace.
check_disk_space() {
  local cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}" parent
  warn_if_short "$ROOT" 1000 "building and testing"
  if [ ! -d "$cache/libtorch-cpu-linux-x64" ]; then
    parent="$cache"
    while [ ! -d "$parent" ]; do parent="$(dirname "$parent")"; done
    warn_if_short "$parent" 3000 "restoring libtorch into $cache"
  fi
  return 0
}

warn_if_short() {
  local free_mb
  free_mb="$(df -Pm "$1" 2>/dev/null | awk 'NR == 2 {print $4}')" || free_mb=""
  if [ -n "$free_mb" ] && [ "$free_mb" -lt "$2" ]; then
    say "warning: only $free_mb MB free under $1; $3 needs about $2 MB. Free some space if the build stops with 'No space left on device'."
  fi
}

# Runs every test project under tests/ (benchmarks excluded), keeps each full log in artifacts/, and ends
# with one summary line over all projects: "Tests: N passed, N failed, N skipped".
run_tests() {
  local failed=0 p name log
  mkdir -p artifacts
  : > artifacts/test-summary.txt
  for p in tests/*/; do
    p="${p%/}"; name="$(basename "$p")"
    [ -f "$p/$name.csproj" ] || continue
    case "$name" in *Benchmarks*) continue ;; esac
    log="artifacts/test-$name.log"
    say "dotnet test $p"
    if ! dotnet test "$p" -c "$CONFIG" --no-build -nologo > "$log" 2>&1; then failed=1; fi
    # Failed tests with the start of their messages, then vstest's per-project line.
    grep -A4 -E '^\s+Failed [A-Za-z]' "$log" | head -60 || true
    if grep -E '^(Passed|Failed)! ' "$log" >> artifacts/test-summary.txt; then
      grep -E '^(Passed|Failed)! ' "$log"
    else
      failed=1
      say "$name: no test summary; the last lines of $log:"
      tail -25 "$log"
      echo "Failed!  - Failed:     1, Passed:     0, Skipped:     0, Total:     1 - $name (did not run)" >> artifacts/test-summary.txt
    fi
  done
  local passed fails skipped
  passed=$(grep -oE 'Passed: +[0-9]+' artifacts/test-summary.txt | awk '{s+=$2} END {print s+0}')
  fails=$(grep -oE 'Failed: +[0-9]+' artifacts/test-summary.txt | awk '{s+=$2} END {print s+0}')
  skipped=$(grep -oE 'Skipped: +[0-9]+' artifacts/test-summary.txt | awk '{s+=$2} END {print s+0}')
  [ "$fails" -eq 0 ] || failed=1
  [ "$passed" -gt 0 ] || { failed=1; say "no test ran"; }
  echo "Tests: $passed passed, $fails failed, $skipped skipped"
  return $failed
}
