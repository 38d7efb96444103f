#!/usr/bin/env bash
# scripts/pack-dist.sh <out.tar.gz>
#
# dist/ and LICENSE as a gzipped tarball whose bytes depend only on the files and the
# commit: names sorted, owner 0:0, modes normalized, every mtime the commit's time
# (SOURCE_DATE_EPOCH when set), gzip without a name or a time. The release workflow packs
# it twice, in two jobs, and checks that both are the attested bytes; anyone can rebuild
# it from a checkout of the tag and compare its sha256 with the attestation.
set -euo pipefail
out="$(realpath -m "${1:?usage: scripts/pack-dist.sh <out.tar.gz>}")"
cd "$(dirname "$0")/.."
mtime="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}"
tar --sort=name --owner=0 --group=0 --numeric-owner --mode='u+rwX,go+rX,go-w' \
  --mtime="@$mtime" --format=gnu -cf - dist LICENSE | gzip -n -9 > "$out"
