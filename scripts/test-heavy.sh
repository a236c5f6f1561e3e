#!/usr/bin/env bash
# The second test tier (npm run test:heavy): builds too long for npm test's time budget.
# 1. The heavy project: numpy from its sdist, lxml and Pillow with their libraries, the
#    action on a fresh runner with no cache at all.
# 2. The fixture app and the launcher test on the CPython versions npm test leaves out
#    (3.13; npm test builds the default and 3.11), on x86_64 gnu.
# Both parts run even when the first fails; the exit status says whether both passed.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
npx jest --runInBand --selectProjects heavy "$@" || status=1
PYSEAL_TEST_PYTHON_VERSIONS="${PYSEAL_HEAVY_PYTHON_VERSIONS:-3.13}" PYSEAL_TEST_TARGETS=x86_64-unknown-linux-gnu \
  npx jest --runInBand --selectProjects e2e test/e2e/fixtures.test.ts test/e2e/launcher-versions.test.ts || status=1
exit $status
