#!/usr/bin/env bash
# Installs zizmor, the GitHub Actions security linter that test/workflows/workflows.test.ts
# runs over the workflow files, into a venv under pyseal's cache directory: one version,
# its wheel pinned by sha256 (pip --require-hashes), so what runs is what was reviewed.
set -euo pipefail
VERSION=1.32.0
declare -A WHEEL_SHA256=(
  [x86_64]=84a6acb975accc13408786a2bd274b572537ca19c933ebbc13e78f3988562071
)
cache="${PYSEAL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pyseal}"
venv="$cache/tools/zizmor-$VERSION"
[ -x "$venv/bin/zizmor" ] && exit 0
arch=$(uname -m)
sha=${WHEEL_SHA256[$arch]:-}
if [ -z "$sha" ]; then
  echo "install-zizmor.sh: no pinned zizmor $VERSION wheel for $arch; add its sha256 to WHEEL_SHA256" >&2
  exit 1
fi
python3 -m venv "$venv.partial"
printf 'zizmor==%s --hash=sha256:%s\n' "$VERSION" "$sha" >"$venv.partial/requirements.txt"
"$venv.partial/bin/pip" install -q --disable-pip-version-check --require-hashes --only-binary :all: \
  -r "$venv.partial/requirements.txt"
rm -rf "$venv" && mv "$venv.partial" "$venv"
