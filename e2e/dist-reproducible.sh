#!/bin/bash
# dist-reproducible: build the release of HEAD twice, into two directories,
# and check that every file is the same, byte for byte (make dist-reproducible).
# DIST=dir takes a make dist of this commit already there as the first build.
# The second build always uses an empty Go build cache of its own with
# COLD=1 (slow: every package of every platform is compiled again), else
# the shared one.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
a=$(mktemp -d) b=$(mktemp -d)
trap 'rm -rf "$a" "$b"' EXIT
start=$(date +%s)
if [ -n "${DIST:-}" ]; then
  cp -a "$DIST" "$a/dist"
else
  "$GO" run ./internal/cmd/dist -o "$a/dist" >/dev/null
fi
if [ "${COLD:-}" = 1 ]; then
  GOCACHE="$b/gocache" "$GO" run ./internal/cmd/dist -o "$b/dist" >/dev/null
else
  "$GO" run ./internal/cmd/dist -o "$b/dist" >/dev/null
fi
(cd "$a/dist" && ls) > "$a/list"
(cd "$b/dist" && ls) > "$b/list"
if ! cmp -s "$a/list" "$b/list"; then
  echo "dist-reproducible: the two builds made different files:" >&2
  diff "$a/list" "$b/list" >&2 || true
  exit 1
fi
n=0
while read -r f; do
  if ! cmp "$a/dist/$f" "$b/dist/$f"; then
    echo "dist-reproducible: $f differs between two builds of one commit" >&2
    exit 1
  fi
  n=$((n + 1))
done < "$a/list"
[ "$n" -ge 14 ] || { echo "dist-reproducible: only $n files; want the whole release (14)" >&2; exit 1; }
echo "dist-reproducible: $n files, the same bytes in both builds ($(( $(date +%s) - start ))s)"
