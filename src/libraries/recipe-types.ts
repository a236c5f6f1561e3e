import type { RecipeStep, StaticLibraryRecipe } from '../toolchain/static-deps-recipes'

/**
 * The vocabulary of the libraries extension modules link (libxml2, libyaml, libjpeg, ...),
 * built on demand for a target (library-provider.ts): a static-deps recipe (built by
 * static-deps.ts, same placeholders) that also says what it provides, so a request for a
 * header, a `-l` name or a pkg-config module finds it, and which recipes it builds against.
 * The data is in recipes.ts and image-recipes.ts; the graph in recipe-graph.ts.
 */
export interface ExtensionLibraryRecipe extends StaticLibraryRecipe {
  /** Recipes (by name) whose headers and archives this one builds against; built first, into the same prefix. */
  dependsOn: readonly string[]
  /** Include directories a user of the library compiles with, relative to the prefix; `include` by default. */
  includeDirs?: readonly string[]
  provides: {
    /** Headers as an `#include` names them (`yaml.h`, `libxml/parser.h`, relative to an include directory). */
    headers: readonly string[]
    /** `-l` names (`yaml` for libyaml.a). */
    libraries: readonly string[]
    /** pkg-config modules. */
    pkgConfig: readonly string[]
  }
}

/**
 * The installation steps of a CMake project: configured static and PIC, built and installed
 * into the staged prefix. `targets`: only these are built (a library's helper programs may
 * link what CMake found on the build machine, as libtiff's does its libm).
 */
export function cmakeSteps(options: readonly string[], targets: readonly string[] = []): RecipeStep[] {
  return [
    {
      step: 'configure',
      argv: [
        'cmake',
        '-S',
        '.',
        '-B',
        'pyseal-build',
        '-G',
        'Unix Makefiles',
        '-DCMAKE_BUILD_TYPE=Release',
        '-DCMAKE_INSTALL_PREFIX=@prefix@',
        '-DCMAKE_INSTALL_LIBDIR=lib',
        '-DCMAKE_INSTALL_INCLUDEDIR=include',
        '-DCMAKE_POSITION_INDEPENDENT_CODE=ON',
        '-DBUILD_SHARED_LIBS=OFF',
        // Dependencies built earlier into the same staged prefix.
        '-DCMAKE_PREFIX_PATH=@destdir@@prefix@',
        ...options
      ]
    },
    {
      step: 'build',
      argv: ['cmake', '--build', 'pyseal-build', '-j', '@jobs@', ...targets.flatMap(target => ['--target', target])]
    },
    { step: 'install', argv: ['env', 'DESTDIR=@destdir@', 'cmake', '--install', 'pyseal-build'] }
  ]
}

/** Options of an autotools configure that builds static, PIC archives only. */
export const AUTOTOOLS_STATIC = [
  '--disable-shared',
  '--enable-static',
  '--with-pic',
  '--prefix=@prefix@',
  '--libdir=@prefix@/lib'
]

/** A pkg-config file for a library whose build writes none. */
export function pkgConfigFile(name: string, description: string, libs: string, cflags = '-I${includedir}'): string {
  return [
    'prefix=@prefix@',
    'libdir=${prefix}/lib',
    'includedir=${prefix}/include',
    '',
    `Name: ${name}`,
    `Description: ${description}`,
    'Version: @version@',
    `Libs: -L\${libdir} ${libs}`,
    `Cflags: ${cflags}`,
    ''
  ].join('\n')
}
