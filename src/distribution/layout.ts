import { access, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { resolveLibrary } from '../resolve/libraries'
import type { Target } from '../targets/table'
import { expandLinkWords, readMakeVariables, words } from './make-vars'
import type { ExtensionVariant, LinkEntry, NotBuilt, PythonJson } from './python-json'
import { objectForSource, parseSetup, type SetupModule } from './setup-local'
import { TEST_EXTENSIONS } from './stdlib-modules'

export interface LayoutRequest {
  root: string
  buildDir: string
  srcDir: string
  version: string
  target: Target
  statics: SetupModule[]
  /** Modules built as shared-library files and installed into lib-dynload. */
  shared: SetupModule[]
  notBuilt: NotBuilt[]
  sourceSha256: string
  key: string
  searchDirs: string[]
}

/**
 * Copies a finished build's objects and archives into `<root>/build` and describes
 * them in PYTHON.json, written last: its presence marks the distribution complete.
 */
export async function writeDistributionLayout(request: LayoutRequest): Promise<void> {
  const { root, buildDir, version, target } = request
  const minor = version.split('.').slice(0, 2).join('.')
  const vars = await readMakeVariables(buildDir, ['LIBRARY_OBJS', 'MODOBJS', 'LIBS', 'SYSLIBS', 'EXT_SUFFIX'])
  const moduleObjects = new Set(words(vars.MODOBJS))
  const coreObjs = words(vars.LIBRARY_OBJS).filter(o => !moduleObjects.has(o) && o !== 'Modules/config.o')

  const copied = new Set<string>()
  const keep = async (relative: string): Promise<string> => {
    const dest = path.join('build', relative)
    if (!copied.has(dest)) {
      await mkdir(path.dirname(path.join(root, dest)), { recursive: true })
      await copyFile(path.join(buildDir, relative), path.join(root, dest))
      copied.add(dest)
    }
    return dest
  }
  const keepArchive = async (source: string, name: string): Promise<string> => {
    const dest = path.join('build', 'lib', `lib${name}.a`)
    if (!copied.has(dest)) {
      await mkdir(path.join(root, 'build', 'lib'), { recursive: true })
      await copyFile(path.isAbsolute(source) ? source : path.join(buildDir, source), path.join(root, dest))
      copied.add(dest)
    }
    return dest
  }

  const core = { objs: [] as string[], links: [] as LinkEntry[] }
  for (const obj of coreObjs) core.objs.push(await keep(obj))
  for (const word of [...words(vars.LIBS), ...words(vars.SYSLIBS)]) {
    if (word.startsWith('-l')) core.links.push({ name: word.slice(2), system: true })
  }

  const bootstrap = parseSetup(await readFile(path.join(buildDir, 'Modules', 'Setup.bootstrap'), 'utf8')).enabled
  // Modules/Setup itself may enable a few (3.11: xxsubtype); makesetup reads it after Setup.local.
  const fromSetup = parseSetup(await readFile(path.join(request.srcDir, 'Modules', 'Setup'), 'utf8')).enabled
  const named = new Set([...bootstrap, ...request.statics].map(m => m.name))
  const modules = [...bootstrap, ...request.statics, ...fromSetup.filter(m => !named.has(m.name))]
  const linkWords = await expandLinkWords(buildDir, modules)
  const extensions: Record<string, ExtensionVariant[]> = {}
  for (const module of modules) {
    const links: LinkEntry[] = []
    for (const word of linkWords.get(module.name) ?? []) {
      if (word.startsWith('-l')) {
        const resolved = resolveLibrary(word.slice(2), target.toolchain, request.searchDirs)
        if (resolved.kind === 'static') {
          links.push({ name: resolved.name, path_static: await keepArchive(resolved.path, resolved.name) })
        } else {
          links.push({ name: resolved.name, system: true })
        }
      } else if (word.endsWith('.a')) {
        const name = path.basename(word, '.a').replace(/^lib/, '')
        links.push({ name, path_static: await keepArchive(word, name) })
      }
    }
    const objs: string[] = []
    for (const source of module.sources) objs.push(await keep(objectForSource(source)))
    extensions[module.name] = [
      {
        in_core: false,
        init_fn: `PyInit_${module.name}`,
        objs,
        links,
        required: bootstrap.includes(module),
        variant: 'default'
      }
    ]
  }
  for (const module of request.shared) {
    const sharedLib = path.join('install', 'lib', `python${minor}`, 'lib-dynload', `${module.name}${vars.EXT_SUFFIX}`)
    await access(path.join(root, sharedLib))
    extensions[module.name] = [
      {
        in_core: false,
        init_fn: `PyInit_${module.name}`,
        objs: [],
        links: [],
        required: false,
        variant: 'default',
        shared_lib: sharedLib
      }
    ]
  }
  // Modules config.c.in lists itself (marshal, sys, builtins …) live in the core objects.
  const inittabSource = await readFile(path.join(buildDir, 'Modules', 'config.c'), 'utf8')
  for (const [, name, fn] of inittabSource.matchAll(/\{"([^"]+)",\s*([A-Za-z_0-9]+)\}/g)) {
    if (!extensions[name]) {
      extensions[name] = [{ in_core: true, init_fn: fn, objs: [], links: [], required: true, variant: 'default' }]
    }
  }
  await keep('Modules/config.c')
  await keep('Modules/config.o')

  const json: PythonJson = {
    version: '8',
    target_triple: target.triple,
    python_version: version,
    python_major_minor_version: minor,
    python_exe: `install/bin/python${minor}`,
    python_paths: {
      stdlib: `install/lib/python${minor}`,
      include: `install/include/python${minor}`,
      purelib: `install/lib/python${minor}/site-packages`
    },
    python_extension_module_loading: target.capabilities.canLoadSharedLibraries
      ? ['builtin', 'shared-library']
      : ['builtin'],
    python_stdlib_test_packages: [
      'test',
      'idlelib.idle_test',
      'tkinter.test',
      'unittest.test',
      'ctypes.test',
      'sqlite3.test',
      'lib2to3.tests',
      'distutils.tests'
    ],
    libpython_link_mode: 'static',
    build_info: {
      core,
      extensions,
      inittab_object: 'build/Modules/config.o',
      inittab_source: 'build/Modules/config.c',
      inittab_cflags: ['-DNDEBUG', '-DPy_BUILD_CORE'],
      object_file_format: 'elf'
    },
    pyseal: {
      source_sha256: request.sourceSha256,
      key: request.key,
      not_built: request.notBuilt,
      test_extensions: TEST_EXTENSIONS.filter(name => extensions[name]),
      include_dir: `install/include/python${minor}`
    }
  }
  await writeFile(path.join(root, 'PYTHON.json'), JSON.stringify(json, null, 2) + '\n')
}
