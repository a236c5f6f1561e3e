// Unit tests run in seconds; e2e tests build CPython, compile real packages and run
// the binaries they produce (minutes on a cold cache, shared through ~/.cache/pyseal);
// heavy tests (*.heavy.test.ts, npm run test:heavy) are what npm test's time budget
// leaves out: builds from nothing, with no cache at all.
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: { warnOnly: false } }] }
}

module.exports = {
  // One temporary directory per run, removed at its end (test/support/temp-root.js).
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  // Files that build the cold cache start first, on different builds (test/support/sequencer.js).
  testSequencer: '<rootDir>/test/support/sequencer.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/test/e2e/', '/test/heavy/', '/test/toolchain/static-deps', '\\.heavy\\.test\\.ts$']
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts', '<rootDir>/test/toolchain/static-deps.test.ts'],
      testPathIgnorePatterns: ['\\.heavy\\.test\\.ts$'],
      slowTestThreshold: 600
    },
    {
      // Builds too long for every run (numpy from its sdist, the action on a fresh runner with no cache): `npm run test:heavy`.
      ...common,
      displayName: 'heavy',
      testMatch: ['<rootDir>/test/heavy/**/*.test.ts', '<rootDir>/test/**/*.heavy.test.ts'],
      slowTestThreshold: 3600
    }
  ]
}
