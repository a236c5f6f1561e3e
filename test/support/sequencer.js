// The order jest starts test files in. On a machine with nothing cached (CI's first run)
// jest has no timings and starts the largest files first, so two files could start
// together and wait on the same CPython build while the second core idles. The files
// that build the cold cache come first here, in an order that keeps both workers on
// different builds: the default CPython for gnu and musl on one, the 3.11 used by the
// cross build and the launcher test's other versions on the other; then the rest as jest
// would order them (failed first, then the slowest, then the largest).
const Sequencer = require('@jest/test-sequencer').default

const COLD_BUILDS_FIRST = [
  'test/e2e/reproducible.test.ts',
  'test/e2e/cross-aarch64.test.ts',
  'test/e2e/launcher-versions.test.ts',
  'test/e2e/free-threaded.test.ts',
  'test/e2e/in-memory.test.ts',
  'test/e2e/real-packages.test.ts',
  'test/e2e/build-backends.test.ts',
  'test/e2e/concurrent-builds.test.ts',
  'test/e2e/fixtures.test.ts'
]

class ColdBuildsFirst extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests)
    const rank = test => {
      const index = COLD_BUILDS_FIRST.findIndex(file => test.path.endsWith(file))
      return index === -1 ? COLD_BUILDS_FIRST.length : index
    }
    // Array.prototype.sort is stable: the rest keep jest's order.
    return [...ordered].sort((a, b) => rank(a) - rank(b))
  }
}

module.exports = ColdBuildsFirst
