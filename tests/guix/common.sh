# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the Guix test scripts, which tests/guix/run starts.
set -eu
scratch=$(mktemp -d "${TMPDIR:-/tmp}/mp-guix-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
tree=$(dirname "$(dirname "$MP_GUIX")")
failures=0

check() {   # check DESCRIPTION COMMAND...: the command must succeed
  if (eval "$2"); then echo "PASS: $1"; else echo "FAIL: $1"; failures=$((failures + 1)); fi
}

finish() {
  echo "$failures failed"
  [ "$failures" -eq 0 ]
}

# The README's annotation example, verbatim, as a channel module.
readme_channel() {
  mkdir -p "$scratch/channel/my-channel"
  awk '/^## Annotating a package/ {s = 1} s && /^```scheme/ {p = 1; next} p && /^```/ {exit} p' \
      "$MP_TOP/README.md" >"$scratch/channel/my-channel/chess-nets.scm"
  echo "$scratch/channel"
}

# The packages of the catalog that ship weights, built or not (lc0, the
# engine, ships none), as NAME@VERSION: Guix has godot 3.6 and 4.6.
catalog_weights_packages() {
  "$MP_BUILD/model-provenance" report --format=json |
    sed 's/"weights":\[/\n/' | tail -n 1 |
    grep -o '"package":"[^"]*","version":"[^"]*"' |
    sed 's/"package":"\([^"]*\)","version":"\([^"]*\)"/\1@\2/' | awk '!seen[$0]++'
}

# Those of NAMES that Guix's own commands find: not hidden packages.
visible_packages() {
  guile -c '(use-modules (gnu packages))
            (use-modules (guix utils))
            (for-each (lambda (spec)
                        (call-with-values (lambda () (package-name->name+version spec))
                          (lambda (name version)
                            (unless (null? (find-packages-by-name name version))
                              (display spec) (newline)))))
                      (cdr (command-line)))' "$@" 2>/dev/null
}
