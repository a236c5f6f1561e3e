// A loopback HTTP file server for the download tests, run as its own process (the
// tests block on spawnSync while pyseal downloads). GET /files/NAME serves DIR/NAME;
// GET /truncated/NAME announces the whole length but sends half, then drops the
// connection. Prints "PORT <n>" once listening.
'use strict'
const { createReadStream, statSync } = require('node:fs')
const http = require('node:http')
const path = require('node:path')

const dir = process.argv[2]
const server = http.createServer((request, response) => {
  const match = /^\/(files|truncated)\/(.+)$/.exec(decodeURIComponent(request.url.split('?')[0]))
  const file = match && path.join(dir, path.basename(match[2]))
  let size
  try {
    size = statSync(file).size
  } catch {
    response.writeHead(404).end('not found\n')
    return
  }
  response.writeHead(200, { 'content-length': String(size), 'content-type': 'application/octet-stream' })
  if (match[1] === 'files') {
    createReadStream(file).pipe(response)
    return
  }
  createReadStream(file, { start: 0, end: Math.floor(size / 2) - 1 })
    .on('data', chunk => response.write(chunk))
    .on('end', () => setTimeout(() => request.socket.destroy(), 50))
})
server.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${server.address().port}\n`))
