// Every test run gets one temporary directory of its own, named in TMPDIR for the
// tests and the pyseal processes they start, and removed when the run ends: a test
// leaves nothing behind in the machine's /tmp, however it ended.
const { mkdtempSync, rmSync } = require('node:fs')
const os = require('node:os')
const path = require('node:path')

const KEY = 'PYSEAL_TEST_TEMP_ROOT'

async function setup() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pyseal-tests-'))
  process.env[KEY] = root
  process.env.TMPDIR = root
}

async function teardown() {
  const root = process.env[KEY]
  if (root) rmSync(root, { recursive: true, force: true })
}

module.exports = { setup, teardown }
