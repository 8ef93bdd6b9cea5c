#!/usr/bin/env bash
# The sha256 of every file of two built sites, each built into a fresh output with a fresh cache:
# the repository's articles/ and a generated 1,000-article archive. Used to check that a refactor
# leaves the site byte for byte the same.
#
#   test/support/siteHashes.sh OUTDIR            → OUTDIR/sample.sha256, OUTDIR/gen1k.sha256
#   test/support/siteHashes.sh OUTDIR BASEDIR    … and compares them with BASEDIR's (exit 1 on a difference)
set -euo pipefail
out=$(realpath -m "$1"); base=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${SITE_HASHES_WORK:-/tmp/site-hashes}  # a fixed path: the report names its inputs
mkdir -p "$out"
rm -rf "$work" && mkdir -p "$work"
cd "$root"
unset SITE_URL BUILD_TIMINGS
npx tsx src/generate/index.ts --articles 1000 --out "$work/gen1k-articles" > /dev/null
for name in sample gen1k; do
  input=articles; [ "$name" = gen1k ] && input="$work/gen1k-articles"
  npm run -s build -- --input="$input" --output="$work/$name-site" --cache="$work/$name-cache" --quiet
  (cd "$work/$name-site" && find . -type f | sort | xargs -d '\n' sha256sum) > "$out/$name.sha256"
  echo "$name: $(wc -l < "$out/$name.sha256") files"
done
rm -rf "$work"
if [ -n "$base" ]; then
  status=0
  for name in sample gen1k; do
    if diff -q "$base/$name.sha256" "$out/$name.sha256" > /dev/null; then echo "$name: byte for byte the same"
    else
      echo "$name: these files differ (or are only on one side):"
      diff <(sort -k2 "$base/$name.sha256") <(sort -k2 "$out/$name.sha256") | awk '/^[<>]/ { print "  " $1 " " $3 }' | sort -k2 -u | head -40 || true
      status=1
    fi
  done
  exit $status
fi
