import { access, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { resolveLibrary } from '../resolve/libraries'
import type { Target } from '../targets/table'
import { abiTag, type InstallNames } from './install-names'
import { expandLinkWords, readMakeVariables, words } from './make-vars'
import type { ExtensionVariant, LinkEntry, NotBuilt, PythonJson } from './python-json'
import { objectForSource, parseSetup, type SetupModule } from './setup-local'
import { TEST_EXTENSIONS } from './stdlib-modules'

export interface LayoutRequest {
  root: string
  buildDir: string
  srcDir: string
  version: string
  /** Where `make install` put it and the ABI it was built for (install-names.ts). */
  names: InstallNames
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
 * them in PYTHON.json (which pyseal versions before entry manifests took as the
 * distribution's completion marker, so it is written last).
 */
export async function writeDistributionLayout(request: LayoutRequest): Promise<void> {
  const { root, buildDir, names } = request
  const vars = await readMakeVariables(buildDir, ['LIBRARY_OBJS', 'MODOBJS', 'LIBS', 'SYSLIBS'])
  const kept = new BuildFiles(root, buildDir)
  const moduleObjects = new Set(words(vars.MODOBJS))
  const core = { objs: [] as string[], links: [] as LinkEntry[] }
  for (const obj of words(vars.LIBRARY_OBJS)) {
    if (!moduleObjects.has(obj) && obj !== 'Modules/config.o') core.objs.push(await kept.object(obj))
  }
  for (const word of [...words(vars.LIBS), ...words(vars.SYSLIBS)]) {
    if (word.startsWith('-l')) core.links.push({ name: word.slice(2), system: true })
  }
  const extensions = await staticExtensions(request, kept)
  for (const module of request.shared) {
    const sharedLib = path.join('install', names.stdlib, 'lib-dynload', `${module.name}${names.extSuffix}`)
    await access(path.join(root, sharedLib))
    extensions[module.name] = [{ ...variant(module.name, false), shared_lib: sharedLib }]
  }
  // Modules config.c.in lists itself (marshal, sys, builtins …) live in the core objects.
  const inittabSource = await readFile(path.join(buildDir, 'Modules', 'config.c'), 'utf8')
  for (const [, name, fn] of inittabSource.matchAll(/\{"([^"]+)",\s*([A-Za-z_0-9]+)\}/g)) {
    if (!extensions[name]) extensions[name] = [{ ...variant(name, true), in_core: true, init_fn: fn }]
  }
  await kept.object('Modules/config.c')
  await kept.object('Modules/config.o')
  const json = pythonJson(request, core, extensions)
  await writeFile(path.join(root, 'PYTHON.json'), JSON.stringify(json, null, 2) + '\n')
}

/** The build's files copied into `<root>/build` once each, by the relative path PYTHON.json names them with. */
class BuildFiles {
  private readonly copied = new Set<string>()

  constructor(
    private readonly root: string,
    private readonly buildDir: string
  ) {}

  /** An object (or other file) of the build directory. */
  object(relative: string): Promise<string> {
    return this.copy(path.join(this.buildDir, relative), path.join('build', relative))
  }

  /** A static archive, from the build directory or anywhere (a system or static-deps library). */
  archive(source: string, name: string): Promise<string> {
    const from = path.isAbsolute(source) ? source : path.join(this.buildDir, source)
    return this.copy(from, path.join('build', 'lib', `lib${name}.a`))
  }

  private async copy(from: string, dest: string): Promise<string> {
    if (!this.copied.has(dest)) {
      await mkdir(path.dirname(path.join(this.root, dest)), { recursive: true })
      await copyFile(from, path.join(this.root, dest))
      this.copied.add(dest)
    }
    return dest
  }
}

function variant(name: string, required: boolean): ExtensionVariant {
  return { in_core: false, init_fn: `PyInit_${name}`, objs: [], links: [], required, variant: 'default' }
}

/** The modules linked into libpython: bootstrap, the chosen statics, and any Modules/Setup enables itself. */
async function staticExtensions(request: LayoutRequest, kept: BuildFiles): Promise<Record<string, ExtensionVariant[]>> {
  const { buildDir, target } = request
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
          links.push({ name: resolved.name, path_static: await kept.archive(resolved.path, resolved.name) })
        } else {
          links.push({ name: resolved.name, system: true })
        }
      } else if (word.endsWith('.a')) {
        const name = path.basename(word, '.a').replace(/^lib/, '')
        links.push({ name, path_static: await kept.archive(word, name) })
      }
    }
    const objs: string[] = []
    for (const source of module.sources) objs.push(await kept.object(objectForSource(source)))
    extensions[module.name] = [{ ...variant(module.name, bootstrap.includes(module)), objs, links }]
  }
  return extensions
}

function pythonJson(
  request: LayoutRequest,
  core: { objs: string[]; links: LinkEntry[] },
  extensions: Record<string, ExtensionVariant[]>
): PythonJson {
  const { target, names } = request
  return {
    version: '8',
    target_triple: target.triple,
    python_version: request.version,
    python_major_minor_version: names.minor,
    // python-build-standalone's names for the ABI (its version 8 format), so a report reads both alike.
    python_abi_tag: abiTag(names),
    python_config_vars: {
      ABIFLAGS: names.abiFlags,
      Py_GIL_DISABLED: names.abiFlags.includes('t') ? '1' : '0',
      SOABI: names.soabi,
      EXT_SUFFIX: names.extSuffix
    },
    python_exe: `install/${names.exe}`,
    python_paths: {
      stdlib: `install/${names.stdlib}`,
      include: `install/${names.include}`,
      purelib: `install/${names.stdlib}/site-packages`
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
      include_dir: `install/${names.include}`
    }
  }
}
