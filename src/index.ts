import { run } from './main'

run().then(code => {
  process.exitCode = code
})
