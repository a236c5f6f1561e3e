// A loopback stand-in for GitHub's results service, as the @actions/cache (cache v2)
// and @actions/artifact (artifacts v4) clients speak to it: twirp JSON RPCs under
// /twirp/github.actions.results.api.v1.*, and blob uploads (single PUT, or blocks
// and a block list, each answered 201) and downloads (plain GET with Content-Length)
// at the signed URLs it hands out. Run as its own process: node results-service.js DIR.
// Prints "PORT <n>" once listening. Test controls: GET /_control/state,
// POST /_control/corrupt {"key"} flips bytes in a stored cache entry.
'use strict'
const fs = require('node:fs')
const http = require('node:http')
const path = require('node:path')

const dir = process.argv[2]
fs.mkdirSync(dir, { recursive: true })
const state = { requests: [], caches: [], artifacts: [] }
const pendingBlocks = new Map()
let nextId = 1

function json(response, status, body) {
  const text = JSON.stringify(body)
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  response.end(text)
}

function read(request) {
  return new Promise((resolve, reject) => {
    const chunks = []
    request.on('data', c => chunks.push(c))
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

function blobFile(id) {
  return path.join(dir, `blob-${id}`)
}

function findCache(key, version, restoreKeys) {
  const committed = state.caches.filter(c => c.committed && c.version === version)
  const exact = committed.find(c => c.key === key)
  if (exact) return exact
  for (const prefix of [key, ...(restoreKeys || [])]) {
    const matches = committed.filter(c => c.key.startsWith(prefix)).sort((a, b) => b.created - a.created)
    if (matches.length > 0) return matches[0]
  }
  return null
}

function claims(request) {
  const token = (request.headers.authorization || '').replace(/^Bearer /, '')
  const payload = JSON.parse(Buffer.from(token.split('.')[1] || '', 'base64url').toString() || '{}')
  const scope =
    String(payload.scp || '')
      .split(' ')
      .find(s => s.startsWith('Actions.Results:')) || ''
  const [, run, job] = scope.split(':')
  return { run, job }
}

const rpc = {
  'CacheService/GetCacheEntryDownloadURL': (body, base) => {
    const entry = findCache(body.key, body.version, body.restore_keys)
    if (!entry) return [200, { ok: false }]
    return [200, { ok: true, signed_download_url: `${base}/blobs/${entry.id}?sig=read`, matched_key: entry.key }]
  },
  'CacheService/CreateCacheEntry': (body, base) => {
    if (state.caches.some(c => c.key === body.key && c.version === body.version)) {
      return [409, { code: 'already_exists', msg: `cache entry ${body.key} already exists` }]
    }
    const entry = { id: nextId++, key: body.key, version: body.version, committed: false, created: Date.now() }
    state.caches.push(entry)
    return [200, { ok: true, signed_upload_url: `${base}/blobs/${entry.id}?sig=write` }]
  },
  'CacheService/FinalizeCacheEntryUpload': body => {
    const entry = state.caches.find(c => c.key === body.key && c.version === body.version && !c.committed)
    if (!entry || !fs.existsSync(blobFile(entry.id))) return [404, { code: 'not_found', msg: 'no upload for this key' }]
    entry.committed = true
    entry.size = Number(body.size_bytes)
    return [200, { ok: true, entry_id: String(entry.id) }]
  },
  'ArtifactService/CreateArtifact': (body, base, request) => {
    const { run, job } = claims(request)
    if (body.workflow_run_backend_id !== run || body.workflow_job_run_backend_id !== job) {
      return [400, { code: 'invalid_argument', msg: 'backend ids do not match the token' }]
    }
    if (state.artifacts.some(a => a.name === body.name && a.finalized)) {
      return [409, { code: 'already_exists', msg: `artifact ${body.name} already exists` }]
    }
    const artifact = { id: nextId++, name: body.name, finalized: false, created: new Date().toISOString() }
    state.artifacts.push(artifact)
    return [200, { ok: true, signed_upload_url: `${base}/blobs/${artifact.id}?sig=write` }]
  },
  'ArtifactService/FinalizeArtifact': body => {
    const artifact = state.artifacts.find(a => a.name === body.name && !a.finalized)
    if (!artifact || !fs.existsSync(blobFile(artifact.id))) return [404, { code: 'not_found', msg: 'no upload' }]
    artifact.finalized = true
    artifact.size = Number(body.size)
    artifact.hash = body.hash
    return [200, { ok: true, artifact_id: String(artifact.id) }]
  },
  'ArtifactService/ListArtifacts': (body, base, request) => {
    const { run, job } = claims(request)
    const list = state.artifacts
      .filter(a => a.finalized)
      .filter(a => !body.name_filter || a.name === body.name_filter)
      .filter(a => !body.id_filter || String(a.id) === String(body.id_filter))
      .map(a => ({
        workflow_run_backend_id: run,
        workflow_job_run_backend_id: job,
        database_id: String(a.id),
        name: a.name,
        size: String(a.size),
        created_at: a.created,
        digest: a.hash
      }))
    return [200, { artifacts: list }]
  },
  'ArtifactService/GetSignedArtifactURL': (body, base) => {
    const artifact = state.artifacts.find(a => a.name === body.name && a.finalized)
    if (!artifact) return [404, { code: 'not_found', msg: 'no such artifact' }]
    return [200, { signed_url: `${base}/blobs/${artifact.id}?sig=read` }]
  }
}

const server = http.createServer(async (request, response) => {
  const url = new URL(request.url, `http://${request.headers.host}`)
  const base = `http://${request.headers.host}`
  const body = await read(request)
  state.requests.push({ method: request.method, path: url.pathname, query: url.search })
  try {
    const twirp = /^\/twirp\/github\.actions\.results\.api\.v1\.(\w+\/\w+)$/.exec(url.pathname)
    if (twirp && request.method === 'POST') {
      const handler = rpc[twirp[1]]
      if (!handler) return json(response, 404, { code: 'bad_route', msg: `no method ${twirp[1]}` })
      const [status, answer] = handler(JSON.parse(body.toString() || '{}'), base, request)
      return json(response, status, answer)
    }
    const blob = /^\/blobs\/(\d+)$/.exec(url.pathname)
    if (blob && request.method === 'PUT') {
      const id = blob[1]
      const comp = url.searchParams.get('comp')
      if (comp === 'block') {
        const blocks = pendingBlocks.get(id) || new Map()
        blocks.set(url.searchParams.get('blockid'), body)
        pendingBlocks.set(id, blocks)
      } else if (comp === 'blocklist') {
        const blocks = pendingBlocks.get(id) || new Map()
        const ids = [...body.toString().matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]+)<\//g)].map(m => m[1])
        fs.writeFileSync(blobFile(id), Buffer.concat(ids.map(b => blocks.get(b) || Buffer.alloc(0))))
        pendingBlocks.delete(id)
      } else {
        fs.writeFileSync(blobFile(id), body)
      }
      response.writeHead(201, { etag: `"blob-${id}"` })
      return response.end()
    }
    if (blob && request.method === 'GET') {
      const file = blobFile(blob[1])
      if (!fs.existsSync(file)) return json(response, 404, { code: 'not_found', msg: 'no blob' })
      const size = fs.statSync(file).size
      response.writeHead(200, { 'content-length': String(size), etag: `"blob-${blob[1]}"` })
      return fs.createReadStream(file).pipe(response)
    }
    if (url.pathname === '/_control/state') return json(response, 200, state)
    if (url.pathname === '/_control/corrupt' && request.method === 'POST') {
      const { key } = JSON.parse(body.toString())
      const entry = state.caches.find(c => c.key === key && c.committed)
      if (!entry) return json(response, 404, { msg: 'no such entry' })
      const data = fs.readFileSync(blobFile(entry.id))
      for (let i = Math.floor(data.length / 3); i < Math.floor(data.length / 3) + 4096 && i < data.length; i++)
        data[i] ^= 0xff
      fs.writeFileSync(blobFile(entry.id), data)
      return json(response, 200, { ok: true })
    }
    return json(response, 404, { code: 'bad_route', msg: `${request.method} ${url.pathname}` })
  } catch (error) {
    return json(response, 400, { code: 'malformed', msg: String(error) })
  }
})
// Longer than any client's idle keep-alive, so a pooled connection is never closed under a request.
server.keepAliveTimeout = 60000
server.headersTimeout = 61000
server.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${server.address().port}\n`))
