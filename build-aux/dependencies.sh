# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the build-aux scripts: installs the Debian packages the build
# needs when they are missing.  Elsewhere (Guix, other distributions) it
# does nothing, and CMake says what is missing.

debian_packages=(
  cmake g++ make pkg-config
  libboost-graph-dev libfmt-dev
  nlohmann-json3-dev libyaml-cpp-dev libsimdjson-dev   # interchange formats (JSON, YAML)
  libssl-dev libzip-dev libprotobuf-dev zlib1g-dev libexpat1-dev   # inspect: weights files
  libgtest-dev libbenchmark-dev
  guile-3.0 guile-3.0-dev
  texinfo help2man info man-db    # the manual (Info, HTML) and the man page
  graphviz                        # dot, for `graph --format=svg'
  python3-jsonschema              # tests validate JSON output against schemas
)

# For build-aux/run-fuzz: clang and its libFuzzer runtime.
fuzz_packages=(clang libclang-rt-14-dev)

# ensure_dependencies [PACKAGE]...: the build's packages, and PACKAGES.
ensure_dependencies() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=() package
  for package in "${debian_packages[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing Debian packages: ${missing[*]}" >&2
  local run_as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      run_as_root=(sudo)
    else
      echo "error: not root and no sudo; install these packages first: ${missing[*]}" >&2
      return 2
    fi
  fi
  "${run_as_root[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Real weights files Debian ships, for the inspect tests: installed as
# packages, except GNU Backgammon's gnubg.wd, which comes with the whole
# game (and its GTK); that package is only unpacked, into BUILD/real-weights.
real_weights_packages=(tesseract-ocr-eng opencv-data pocketsphinx-en-us)

# ensure_real_weights BUILD: on Debian, make the files present and export
# MP_REAL_WEIGHTS_DIR and MP_REQUIRE_REAL_WEIGHTS, so that a test whose
# file is missing fails instead of being skipped.  Elsewhere, nothing: the
# tests that need them are skipped.
ensure_real_weights() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local build=$1 root=$1/real-weights
  ensure_dependencies "${real_weights_packages[@]}"
  if [ ! -f "$root/usr/lib/gnubg/gnubg.wd" ]; then
    local debs=$build/real-weights-debs
    rm -rf "$debs" && mkdir -p "$debs"
    if ! (cd "$debs" && apt-get download -qq gnubg 2>/dev/null); then
      # The package lists may be stale or absent (a fresh machine).
      [ "$(id -u)" -eq 0 ] && apt-get update -qq
      (cd "$debs" && apt-get download -qq gnubg)
    fi
    mkdir -p "$root" && dpkg-deb -x "$debs"/gnubg_*.deb "$root"
  fi
  export MP_REAL_WEIGHTS_DIR=$root MP_REQUIRE_REAL_WEIGHTS=1
}
