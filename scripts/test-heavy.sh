#!/usr/bin/env bash
# The second test tier (npm run test:heavy): builds too long for npm test's time budget.
# 1. The heavy project: numpy from its sdist, lxml and Pillow with their libraries, the
#    action on a fresh runner with no cache at all.
# 2. The whole fixture app on the CPython versions npm test builds it on only through the
#    launcher test (3.13 and 3.15; npm test builds the app on the default and 3.11), x86_64 gnu.
# 3. CPython's own tests for a handful of modules on 3.15 (x86_64 gnu; npm test runs them
#    on the default version for both libcs).
# 4. The cross build for aarch64 musl (npm test builds the one for aarch64 gnu).
# 5. Two builds at the same moment on one cache building musl's static libraries from
#    nothing (npm test's same-target case starts with them cached).
# Every part runs even when one fails; the exit status says whether all passed. Test paths go
# before --selectProjects, which takes every name after it as a project.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
npx jest --runInBand --selectProjects heavy "$@" || status=1
PYSEAL_TEST_PYTHON_VERSIONS="${PYSEAL_HEAVY_PYTHON_VERSIONS:-3.13,3.15.0rc2}" PYSEAL_TEST_TARGETS=x86_64-unknown-linux-gnu \
  npx jest test/e2e/fixtures.test.ts --runInBand --selectProjects e2e || status=1
PYSEAL_TEST_PYTHONS="${PYSEAL_HEAVY_REGRTEST_PYTHONS:-3.15.0rc2}" PYSEAL_TEST_TARGETS=x86_64-unknown-linux-gnu \
  npx jest test/e2e/cpython-tests.test.ts --runInBand --selectProjects e2e || status=1
PYSEAL_TEST_CROSS_TARGETS=aarch64-unknown-linux-musl \
  npx jest test/e2e/cross-aarch64.test.ts --runInBand --selectProjects e2e || status=1
PYSEAL_TEST_CONCURRENT_STATIC_LIBRARIES=1 \
  npx jest test/e2e/concurrent-builds.test.ts --runInBand --selectProjects e2e -t 'for the same target' || status=1
exit $status
