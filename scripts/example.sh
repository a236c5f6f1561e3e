#!/usr/bin/env bash
# The README's first command: set this machine up, build pyseal, turn the bundled
# example (example/, a word counter with a C extension) into one executable, run it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-system.sh
npm ci --no-audit --no-fund
npm run package
node dist/cli.js build --project example --out-dir pyseal-out
./pyseal-out/wordfreq the cat and the hat and the bat
