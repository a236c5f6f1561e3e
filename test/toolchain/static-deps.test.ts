import { existsSync, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { verifyEntry } from '../../src/cache/entry-manifest'
import { defaultCacheDir } from '../../src/cache/paths'
import { runCommand, runChecked } from '../../src/exec/run'
import { buildStaticDeps, StaticDepsResult } from '../../src/toolchain/static-deps'
import { LIBZSTD_RECIPE, STATIC_LIBRARY_RECIPES } from '../../src/toolchain/static-deps-recipes'
import { buildVersionLibraries } from '../../src/toolchain/version-static-libraries'
import { loadLibrarySources } from '../../src/toolchain/library-sources'
import { buildOne, CONFIGURED_PREFIX } from '../../src/toolchain/static-deps-build'
import { muslCompiler } from '../../src/toolchain/static-deps-compilers'
import { downloadSource, resolveSource } from '../../src/toolchain/static-deps-sources'
import { findTarget } from '../../src/targets/table'
import { ensureMuslKernelHeaders, muslToolchainEnv } from '../../src/toolchain/musl-kernel-headers'

// Real builds: Debian source packages, musl-gcc, make. About 2 minutes on 2 cores, in
// the shared cache (~/.cache/pyseal): the musl CPython build links the same prefixes, so
// a cold test run builds them once. concurrent-builds.test.ts builds them in a fresh cache.
jest.setTimeout(20 * 60 * 1000)

const PROGRAM = String.raw`
#include <stdio.h>
#include <string.h>
#include <zlib.h>
#include <sqlite3.h>
#include <openssl/sha.h>
#include <lzma.h>
#include <bzlib.h>
#include <ffi.h>
#include <uuid/uuid.h>

static int row(void *unused, int n, char **values, char **names) {
  (void)unused; (void)n; (void)names;
  printf("sqlite: %s\n", values[0]);
  return 0;
}

static int add(int a, int b) { return a + b; }

int main(void) {
  const char *text = "static static static static static static";
  unsigned char packed[256], unpacked[256];
  uLongf packedLen = sizeof packed, unpackedLen = sizeof unpacked;
  if (compress(packed, &packedLen, (const Bytef *)text, strlen(text)) != Z_OK) return 10;
  if (uncompress(unpacked, &unpackedLen, packed, packedLen) != Z_OK) return 11;
  printf("zlib: %s\n", unpackedLen == strlen(text) && memcmp(unpacked, text, unpackedLen) == 0 ? "roundtrip" : "bad");

  sqlite3 *db;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 20;
  if (sqlite3_exec(db, "create table t(x); insert into t values (6), (7); select exp(0) * (select x from t where x = 6) * (select x from t where x = 7)", row, 0, 0) != SQLITE_OK) return 21;
  sqlite3_close(db);

  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256((const unsigned char *)"abc", 3, digest);
  printf("sha256: ");
  for (int i = 0; i < SHA256_DIGEST_LENGTH; i++) printf("%02x", digest[i]);
  printf("\n");

  printf("lzma: %s\n", lzma_version_string());
  printf("bzip2: %s\n", BZ2_bzlibVersion());

  ffi_cif cif;
  ffi_type *types[2] = { &ffi_type_sint, &ffi_type_sint };
  if (ffi_prep_cif(&cif, FFI_DEFAULT_ABI, 2, &ffi_type_sint, types) != FFI_OK) return 30;
  int a = 40, b = 2; void *values[2] = { &a, &b }; ffi_arg sum = 0;
  ffi_call(&cif, FFI_FN(add), &sum, values);
  printf("ffi: %d\n", (int)sum);

  uuid_t id; char text36[37];
  uuid_generate_random(id);
  uuid_unparse_lower(id, text36);
  printf("uuid: %s\n", text36);
  return 0;
}
`

describe('buildStaticDeps (musl)', () => {
  const cacheRoot = defaultCacheDir()
  let first: StaticDepsResult

  beforeAll(async () => {
    first = await buildStaticDeps({ cacheRoot, libc: 'musl' })
  })

  test('gives every library in a content-addressed prefix with a manifest', async () => {
    expect(first.prefix).toBe(path.join(cacheRoot, 'static-deps', first.key))
    expect(Object.keys(first.libraries).sort()).toEqual(STATIC_LIBRARY_RECIPES.map(r => r.name).sort())
    for (const recipe of STATIC_LIBRARY_RECIPES) {
      for (const file of recipe.produces) expect(existsSync(path.join(first.prefix, file))).toBe(true)
      const info = first.libraries[recipe.name]
      expect(info.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(info.version).not.toBe('')
      for (const archive of info.archives) expect(existsSync(archive)).toBe(true)
    }
    // Path-free flags: no archive records where it was built (OpenSSL keeps its flags).
    for (const info of Object.values(first.libraries)) {
      for (const archive of info.archives) expect((await fs.readFile(archive)).includes(cacheRoot)).toBe(false)
    }
    // Certificates are looked for where typical systems keep them.
    expect((await fs.readFile(path.join(first.prefix, 'lib/libcrypto.a'))).includes('OPENSSLDIR: "/etc/ssl"')).toBe(
      true
    )
    const manifest = JSON.parse(await fs.readFile(first.manifestPath, 'utf8'))
    expect(manifest.key).toBe(first.key)
    expect(manifest.libraries.openssl.tarball).toMatch(/^openssl_.*\.orig\.tar\./)
    // Nothing half-built left beside it: no staging, scratch or lock directory of its own
    // (the shared cache may hold other builds' while they run).
    const entries = await fs.readdir(path.join(cacheRoot, 'static-deps'))
    expect(entries.filter(e => e.startsWith(`${first.key}.`))).toEqual([])
    // A prefix an older pyseal made (reused here) has no entry manifest; one made now has.
    expect(await verifyEntry(first.prefix, { requireManifest: !first.reused })).toBeNull()
    // The .pc files are relative to where they are, not to the build's temporary prefix.
    const zlibPc = await fs.readFile(path.join(first.prefix, 'lib/pkgconfig/zlib.pc'), 'utf8')
    expect(zlibPc).toContain('prefix=${pcfiledir}/../..')
    for (const name of STATIC_LIBRARY_RECIPES.map(r => r.name)) {
      process.stdout.write(`build time ${name}: ${first.libraries[name].buildSeconds} s\n`)
    }
  })

  test('a program using every library links fully static with musl-gcc and runs', async () => {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'pyseal-static-link-'))
    try {
      await fs.writeFile(path.join(work, 'deps.c'), PROGRAM)
      const env = { ...process.env, ...muslToolchainEnv(first.prefix, first.kernelHeaders ?? '') }
      const pc = await runChecked({
        command: 'pkg-config',
        args: [
          '--static',
          '--cflags',
          '--libs',
          'sqlite3',
          'libssl',
          'libcrypto',
          'liblzma',
          'bzip2',
          'libffi',
          'uuid',
          'zlib'
        ],
        env
      })
      const flags = pc.stdout.trim().split(/\s+/)
      expect(flags).toContain('-lcrypto')
      await runChecked({
        command: 'musl-gcc',
        args: [
          '-static',
          '-O2',
          '-Wno-deprecated-declarations',
          '-isystem',
          first.kernelHeaders ?? '',
          '-o',
          path.join(work, 'deps'),
          path.join(work, 'deps.c'),
          ...flags
        ],
        env
      })
      const run = await runChecked({ command: path.join(work, 'deps'), args: [] })
      expect(run.stdout).toContain('zlib: roundtrip\n')
      expect(run.stdout).toContain('sqlite: 42.0\n')
      expect(run.stdout).toContain('sha256: ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n')
      expect(run.stdout).toMatch(new RegExp(`lzma: ${first.libraries.liblzma.version.replace(/\./g, '\\.')}\\n`))
      expect(run.stdout).toMatch(/bzip2: 1\.0\.\d+/)
      expect(run.stdout).toContain('ffi: 42\n')
      expect(run.stdout).toMatch(/uuid: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\n/)

      const file = await runChecked({ command: 'file', args: ['-b', path.join(work, 'deps')] })
      expect(file.stdout).toMatch(/statically linked|static-pie linked/)
      const ldd = await runCommand({ command: 'ldd', args: [path.join(work, 'deps')] })
      expect(ldd.stdout + ldd.stderr).toMatch(/not a dynamic executable|statically linked/)
    } finally {
      await fs.rm(work, { recursive: true, force: true })
    }
  })

  test('a second call reuses the prefix without building', async () => {
    const started = Date.now()
    const second = await buildStaticDeps({ cacheRoot, libc: 'musl' })
    expect(second.reused).toBe(true)
    expect(second.prefix).toBe(first.prefix)
    expect(second.libraries.zlib.version).toBe(first.libraries.zlib.version)
    expect(Date.now() - started).toBeLessThan(60_000)
  })

  test('a failing step names the library, the step, the log tail and what to do, and caches nothing', async () => {
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'pyseal-static-deps-broken-'))
    const zlib = STATIC_LIBRARY_RECIPES.find(r => r.name === 'zlib')!
    const broken = {
      ...zlib,
      steps: [{ step: 'configure', argv: ['sh', '-c', 'echo "checking for a working frobnicator... no" >&2; exit 3'] }]
    }
    const error: Error = await buildStaticDeps({ cacheRoot: scratch, libc: 'musl', recipes: [broken] }).then(
      () => {
        throw new Error('expected a failure')
      },
      (e: Error) => e
    )
    expect(error.message).toContain('Static dependency zlib')
    expect(error.message).toContain('failed at step "configure"')
    expect(error.message).toContain('checking for a working frobnicator... no')
    expect(error.message).toContain('What to do:')
    const entries = await fs.readdir(path.join(scratch, 'static-deps'))
    expect(entries.filter(e => /\.(partial|work|lock)$/.test(e))).toEqual([])
    // only the downloads and the logs
    expect(entries.filter(e => /^[0-9a-f]{20}$/.test(e))).toEqual([])
    await fs.rm(scratch, { recursive: true, force: true })
  })
})

describe('buildStaticDeps: recipes of one prefix', () => {
  test('a recipe that builds against another of its prefix starts once that one is installed', async () => {
    // Two at a time: `later` would start beside the slow `first` and miss its header.
    const bzip2 = STATIC_LIBRARY_RECIPES.find(r => r.name === 'bzip2')!
    const shell = (name: string, script: string, dependsOn: string[] = []): typeof bzip2 => ({
      ...bzip2,
      name,
      dependsOn,
      steps: [{ step: 'build', argv: ['sh', '-ec', script] }],
      produces: [`include/${name}.h`],
      archives: []
    })
    const recipes = [
      shell(
        'first',
        'sleep 3; mkdir -p "@destdir@@prefix@/include" "@destdir@@prefix@/lib"; echo "#define FIRST 1" > "@destdir@@prefix@/include/first.h"'
      ),
      shell(
        'later',
        'test -f "@destdir@@prefix@/include/first.h"; cp "@destdir@@prefix@/include/first.h" "@destdir@@prefix@/include/later.h"',
        ['first']
      )
    ]
    const cacheRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'pyseal-static-deps-order-'))
    try {
      const built = await buildStaticDeps({ cacheRoot, libc: 'musl', recipes })
      expect(await fs.readFile(path.join(built.prefix, 'include/later.h'), 'utf8')).toBe('#define FIRST 1\n')
    } finally {
      await fs.rm(cacheRoot, { recursive: true, force: true })
    }
  })
})

const ZSTD_PROGRAM = String.raw`
#include <stdio.h>
#include <string.h>
#include <zstd.h>

int main(void) {
  const char *text = "zstd zstd zstd zstd zstd zstd zstd zstd";
  char packed[256], unpacked[256];
  size_t packedLen = ZSTD_compress(packed, sizeof packed, text, strlen(text), 3);
  if (ZSTD_isError(packedLen)) return 10;
  size_t unpackedLen = ZSTD_decompress(unpacked, sizeof unpacked, packed, packedLen);
  if (ZSTD_isError(unpackedLen)) return 11;
  printf("zstd %s: %s\n", ZSTD_versionString(),
         unpackedLen == strlen(text) && memcmp(unpacked, text, unpackedLen) == 0 ? "roundtrip" : "bad");
  return 0;
}
`

describe('buildVersionLibraries (musl): libzstd for CPython 3.14', () => {
  test('builds a prefix of its own that a fully static program links, and nothing for 3.13', async () => {
    // The shared cache: the musl CPython 3.14 build links this prefix.
    const cacheRoot = defaultCacheDir()
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'pyseal-version-libs-'))
    try {
      const musl = findTarget('x86_64-unknown-linux-musl')
      expect(await buildVersionLibraries(musl, '3.13.5', cacheRoot, () => undefined)).toBeNull()
      const libraries = await buildVersionLibraries(musl, '3.14.7', cacheRoot, () => undefined)
      expect(libraries?.prefix).toBe(path.join(cacheRoot, 'static-deps', libraries?.key ?? ''))
      const prefix = libraries?.prefix ?? ''
      for (const file of LIBZSTD_RECIPE.produces) expect(existsSync(path.join(prefix, file))).toBe(true)
      // Only libzstd: the base set keeps its own prefix (and key).
      expect((await fs.readdir(path.join(prefix, 'lib'))).filter(f => f.endsWith('.a'))).toEqual(['libzstd.a'])
      expect(await fs.readFile(path.join(prefix, 'lib/pkgconfig/libzstd.pc'), 'utf8')).toContain(
        'prefix=${pcfiledir}/../..'
      )
      await fs.writeFile(path.join(work, 'z.c'), ZSTD_PROGRAM)
      const kernelHeaders = await ensureMuslKernelHeaders(cacheRoot)
      const env = { ...process.env, ...muslToolchainEnv(prefix, kernelHeaders) }
      const pc = await runChecked({ command: 'pkg-config', args: ['--static', '--cflags', '--libs', 'libzstd'], env })
      const exe = path.join(work, 'z')
      const flags = pc.stdout.trim().split(/\s+/)
      await runChecked({
        command: 'musl-gcc',
        args: ['-static', '-O2', '-o', exe, path.join(work, 'z.c'), ...flags],
        env
      })
      const run = await runChecked({ command: exe, args: [] })
      expect(run.stdout).toMatch(/^zstd 1\.5\.\d+: roundtrip\n$/)
      const file = await runChecked({ command: 'file', args: ['-b', exe] })
      expect(file.stdout).toMatch(/statically linked|static-pie linked/)
    } finally {
      await fs.rm(work, { recursive: true, force: true })
    }
  })
})

describe('ensureMuslKernelHeaders', () => {
  test('makes linux/ and asm/ visible to musl-gcc, once', async () => {
    const cache = await fs.mkdtemp(path.join(os.tmpdir(), 'pyseal-kheaders-'))
    try {
      const dir = await ensureMuslKernelHeaders(cache)
      expect(await ensureMuslKernelHeaders(cache)).toBe(dir)
      await fs.writeFile(
        path.join(cache, 'k.c'),
        '#include <linux/random.h>\n#include <asm/ioctls.h>\nint main(void){return GRND_NONBLOCK == 0;}\n'
      )
      const without = await runCommand({
        command: 'musl-gcc',
        args: ['-c', '-o', path.join(cache, 'k.o'), path.join(cache, 'k.c')]
      })
      expect(without.code).not.toBe(0)
      await runChecked({
        command: 'musl-gcc',
        args: ['-isystem', dir, '-c', '-o', path.join(cache, 'k.o'), path.join(cache, 'k.c')]
      })
    } finally {
      await fs.rm(cache, { recursive: true, force: true })
    }
  })

  test('muslToolchainEnv points pkg-config at the prefix only', () => {
    const env = muslToolchainEnv('/p', '/h')
    expect(env.CC).toBe('musl-gcc')
    expect(env.CFLAGS).toContain('-fPIC')
    expect(env.CFLAGS).toContain('-isystem /h')
    expect(env.CPPFLAGS).toContain('-I/p/include')
    expect(env.LDFLAGS).toBe('-L/p/lib')
    expect(env.LDFLAGS).not.toContain('-static')
    expect(env.PKG_CONFIG_LIBDIR).toBe('/p/lib/pkgconfig')
    expect(env.PKG_CONFIG_PATH).toBe('')
  })
})

describe('library sources: places tried in turn, each checked by sha256', () => {
  test('a place that answers with other bytes is refused and kept nowhere; the next place is used', async () => {
    const downloads = await fs.mkdtemp(path.join(os.tmpdir(), 'pyseal-library-places-'))
    const bzip2 = STATIC_LIBRARY_RECIPES.find(r => r.name === 'bzip2')!
    const real = resolveSource(bzip2)
    // The first place is pinned to other bytes (libffi's sha256) than it serves.
    const ffi = loadLibrarySources().sources.libffi.places[0]
    const wrong = { ...real.places[0], sha256: ffi.sha256 }
    const lines: string[] = []
    try {
      const file = await downloadSource(bzip2, { ...real, places: [wrong, real.places[0]] }, downloads, l =>
        lines.push(l)
      )
      expect(file).toBe(path.join(downloads, real.sha256.slice(0, 16), real.tarball))
      const sum = await runChecked({ command: 'sha256sum', args: [file] })
      expect(sum.stdout.split(' ')[0]).toBe(real.sha256)
      // One entry, the good one: nothing of the refused download is left.
      expect(await fs.readdir(downloads)).toEqual([real.sha256.slice(0, 16)])
      expect(await fs.readdir(path.join(downloads, real.sha256.slice(0, 16)))).toContain(real.tarball)

      // No place answers: one message naming the library and each place's failure.
      const none = { ...real, places: [wrong] }
      const error: Error = await downloadSource(bzip2, none, downloads, () => undefined).then(
        () => new Error('expected a failure'),
        (e: Error) => e
      )
      expect(error.message).toMatch(/^The source of static dependency bzip2 \(bzip2 1\.0\.8\) could not be fetched/)
      expect(error.message).toContain('sha256')
    } finally {
      await fs.rm(downloads, { recursive: true, force: true })
    }
  })

  test("a project's zip (SQLite ships one) unpacks like a tarball and builds", async () => {
    const cacheRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'pyseal-library-zip-'))
    try {
      const bzip2 = STATIC_LIBRARY_RECIPES.find(r => r.name === 'bzip2')!
      const source = resolveSource(bzip2)
      const tarball = await downloadSource(bzip2, source, path.join(cacheRoot, 'downloads'), () => undefined)
      // The same release repacked as a zip with one top directory, as SQLite publishes its tree.
      const repack = path.join(cacheRoot, 'repack')
      await fs.mkdir(repack)
      await runChecked({ command: 'tar', args: ['-xf', tarball, '-C', repack] })
      const zip = path.join(cacheRoot, 'bzip2-1.0.8.zip')
      await runChecked({ command: 'zip', args: ['-qr', zip, '.'], cwd: repack })
      const work = path.join(cacheRoot, 'work')
      const destdir = path.join(work, 'destdir')
      const stagedPrefix = path.join(destdir, CONFIGURED_PREFIX)
      await fs.mkdir(stagedPrefix, { recursive: true })
      const compiler = await muslCompiler(cacheRoot, () => undefined)
      await buildOne({
        recipe: bzip2,
        source,
        tarballPath: zip,
        work,
        destdir,
        stagedPrefix,
        recipeEnv: compiler.recipeEnv,
        jobs: 2,
        logDir: path.join(cacheRoot, 'logs'),
        key: 'zip',
        log: () => undefined
      })
      expect(existsSync(path.join(stagedPrefix, 'lib/libbz2.a'))).toBe(true)
    } finally {
      await fs.rm(cacheRoot, { recursive: true, force: true })
    }
  })
})
