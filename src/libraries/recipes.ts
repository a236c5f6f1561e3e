import { LIBZSTD_RECIPE, STATIC_LIBRARY_RECIPES } from '../toolchain/static-deps-recipes'
import { IMAGE_LIBRARY_RECIPES } from './image-recipes'
import { AUTOTOOLS_STATIC, cmakeSteps, pkgConfigFile, type ExtensionLibraryRecipe } from './recipe-types'

/**
 * The libraries popular extension modules link, as plain data (recipe-types.ts says what
 * each field means): text and data formats here, images in image-recipes.ts, and the
 * libraries CPython's own modules need (zlib, bzip2, xz, libffi, OpenSSL, ...) taken from
 * static-deps-recipes.ts with what they provide. library-provider.ts builds a recipe and
 * the ones it depends on, on demand, for the target being built. Each build is minimal:
 * the library, its headers and its pkg-config file; no programs, documentation, tests,
 * or optional features that would pull in more libraries.
 */

const MARKUP_AND_DATA: readonly ExtensionLibraryRecipe[] = [
  {
    name: 'libyaml',
    sourcePackage: 'libyaml',
    usedBy: 'PyYAML (yaml._yaml, yaml.CLoader)',
    dependsOn: [],
    provides: { headers: ['yaml.h'], libraries: ['yaml'], pkgConfig: ['yaml-0.1'] },
    steps: [
      // Debian's tarball is the release tag without a configure script: eight C files,
      // compiled with the version its CMakeLists.txt would define.
      {
        step: 'build',
        argv: [
          'sh',
          '-ec',
          'v=@version@; major=${v%%.*}; rest=${v#*.}; minor=${rest%%.*}; patch=${rest#*.}\n' +
            'for f in src/*.c; do\n' +
            '  $CC $CFLAGS -Iinclude -DYAML_VERSION_MAJOR=$major -DYAML_VERSION_MINOR=$minor' +
            ' -DYAML_VERSION_PATCH=$patch "-DYAML_VERSION_STRING=\\"$v\\"" -c "$f" -o "${f%.c}.o"\n' +
            'done\n' +
            '$AR rcs libyaml.a src/*.o'
        ]
      },
      { step: 'install', argv: ['install', '-D', '-m', '644', 'include/yaml.h', '@destdir@@prefix@/include/yaml.h'] },
      { step: 'install', argv: ['install', '-D', '-m', '644', 'libyaml.a', '@destdir@@prefix@/lib/libyaml.a'] }
    ],
    generatedFiles: [
      { path: 'lib/pkgconfig/yaml-0.1.pc', content: pkgConfigFile('LibYAML', 'A YAML parser and emitter', '-lyaml') }
    ],
    produces: ['lib/libyaml.a', 'include/yaml.h', 'lib/pkgconfig/yaml-0.1.pc'],
    archives: ['lib/libyaml.a']
  },
  {
    name: 'libxml2',
    sourcePackage: 'libxml2',
    usedBy: 'lxml (lxml.etree, lxml.objectify, ...)',
    dependsOn: [],
    includeDirs: ['include/libxml2'],
    provides: {
      headers: ['libxml/parser.h', 'libxml/xmlversion.h', 'libxml/tree.h', 'libxml/xpath.h'],
      libraries: ['xml2'],
      pkgConfig: ['libxml-2.0']
    },
    steps: [
      {
        step: 'configure',
        argv: [
          './configure',
          ...AUTOTOOLS_STATIC,
          // iconv comes from the C library (glibc and musl both have it); compression,
          // ICU and the network fetchers would pull in more libraries or are unused.
          '--without-python',
          '--without-zlib',
          '--without-lzma',
          '--without-icu',
          '--without-http',
          '--without-ftp',
          '--without-readline',
          '--without-history',
          '--without-modules'
        ]
      },
      { step: 'build', argv: ['make', '-j@jobs@', 'libxml2.la'] },
      { step: 'install', argv: ['make', 'install-libLTLIBRARIES', 'install-pkgconfigDATA', 'DESTDIR=@destdir@'] },
      { step: 'install', argv: ['make', '-C', 'include', 'install', 'DESTDIR=@destdir@'] }
    ],
    produces: ['lib/libxml2.a', 'include/libxml2/libxml/parser.h', 'lib/pkgconfig/libxml-2.0.pc'],
    archives: ['lib/libxml2.a']
  },
  {
    name: 'libxslt',
    sourcePackage: 'libxslt',
    usedBy: 'lxml (lxml.etree: XSLT, EXSLT)',
    dependsOn: ['libxml2'],
    provides: {
      headers: ['libxslt/xslt.h', 'libxslt/xsltconfig.h', 'libxslt/transform.h', 'libexslt/exslt.h'],
      libraries: ['xslt', 'exslt'],
      pkgConfig: ['libxslt', 'libexslt']
    },
    steps: [
      {
        step: 'configure',
        // libxml2 is found through pkg-config in the staged prefix.
        argv: ['./configure', ...AUTOTOOLS_STATIC, '--without-python', '--without-crypto', '--without-plugins']
      },
      { step: 'build', argv: ['make', '-C', 'libxslt', '-j@jobs@'] },
      { step: 'build', argv: ['make', '-C', 'libexslt', '-j@jobs@'] },
      { step: 'install', argv: ['make', '-C', 'libxslt', 'install', 'DESTDIR=@destdir@'] },
      { step: 'install', argv: ['make', '-C', 'libexslt', 'install', 'DESTDIR=@destdir@'] },
      { step: 'install', argv: ['make', 'install-pkgconfigDATA', 'DESTDIR=@destdir@'] }
    ],
    produces: [
      'lib/libxslt.a',
      'lib/libexslt.a',
      'include/libxslt/xslt.h',
      'include/libexslt/exslt.h',
      'lib/pkgconfig/libxslt.pc',
      'lib/pkgconfig/libexslt.pc'
    ],
    archives: ['lib/libxslt.a', 'lib/libexslt.a']
  },
  {
    name: 'liblz4',
    sourcePackage: 'lz4',
    usedBy: 'lz4 (lz4.frame, lz4.block)',
    dependsOn: [],
    provides: { headers: ['lz4.h', 'lz4frame.h', 'lz4hc.h'], libraries: ['lz4'], pkgConfig: ['liblz4'] },
    steps: [
      // lib/Makefile reads CC and CFLAGS from the environment; the shared library is not built.
      {
        step: 'build',
        argv: ['make', '-C', 'lib', '-j@jobs@', 'liblz4.a', 'liblz4.pc', 'BUILD_SHARED=no', 'PREFIX=@prefix@']
      },
      {
        step: 'install',
        argv: [
          'make',
          '-C',
          'lib',
          'install',
          'BUILD_SHARED=no',
          'PREFIX=@prefix@',
          'LIBDIR=@prefix@/lib',
          'DESTDIR=@destdir@'
        ]
      }
    ],
    produces: ['lib/liblz4.a', 'include/lz4.h', 'include/lz4frame.h', 'lib/pkgconfig/liblz4.pc'],
    archives: ['lib/liblz4.a']
  },
  {
    name: 'libuv',
    sourcePackage: 'libuv1',
    usedBy: 'uvloop with --use-system-libuv, pyuv',
    dependsOn: [],
    provides: { headers: ['uv.h'], libraries: ['uv'], pkgConfig: ['libuv', 'libuv-static'] },
    steps: [
      ...cmakeSteps(['-DLIBUV_BUILD_TESTS=OFF', '-DLIBUV_BUILD_BENCH=OFF']),
      // CMake names the static library libuv_a.a (and builds a shared one beside it): `-luv` must find the archive.
      {
        step: 'install',
        argv: [
          'sh',
          '-ec',
          'cd "@destdir@@prefix@/lib"; mv libuv_a.a libuv.a; rm -f libuv.so*; sed -i s/-luv_a/-luv/ pkgconfig/libuv-static.pc'
        ]
      }
    ],
    produces: ['lib/libuv.a', 'include/uv.h', 'lib/pkgconfig/libuv-static.pc'],
    archives: ['lib/libuv.a']
  }
]

/** What the libraries of CPython's own set provide, for packages that link them too. */
const CPYTHON_SET_PROVIDES: Record<string, ExtensionLibraryRecipe['provides']> = {
  zlib: { headers: ['zlib.h', 'zconf.h'], libraries: ['z'], pkgConfig: ['zlib'] },
  bzip2: { headers: ['bzlib.h'], libraries: ['bz2'], pkgConfig: ['bzip2'] },
  liblzma: { headers: ['lzma.h'], libraries: ['lzma'], pkgConfig: ['liblzma'] },
  libffi: { headers: ['ffi.h'], libraries: ['ffi'], pkgConfig: ['libffi'] },
  sqlite3: { headers: ['sqlite3.h'], libraries: ['sqlite3'], pkgConfig: ['sqlite3'] },
  libuuid: { headers: ['uuid/uuid.h'], libraries: ['uuid'], pkgConfig: ['uuid'] },
  openssl: {
    headers: ['openssl/ssl.h', 'openssl/crypto.h', 'openssl/evp.h', 'openssl/opensslv.h'],
    libraries: ['ssl', 'crypto'],
    pkgConfig: ['openssl', 'libssl', 'libcrypto']
  },
  libzstd: { headers: ['zstd.h', 'zdict.h', 'zstd_errors.h'], libraries: ['zstd'], pkgConfig: ['libzstd'] }
}

const CPYTHON_SET: readonly ExtensionLibraryRecipe[] = [...STATIC_LIBRARY_RECIPES, LIBZSTD_RECIPE].map(recipe => ({
  ...recipe,
  dependsOn: [],
  provides: CPYTHON_SET_PROVIDES[recipe.name] ?? { headers: [], libraries: [], pkgConfig: [] }
}))

/** Every library pyseal can build for an extension module, by name. */
export const EXTENSION_LIBRARY_RECIPES: readonly ExtensionLibraryRecipe[] = [
  ...CPYTHON_SET,
  ...MARKUP_AND_DATA,
  ...IMAGE_LIBRARY_RECIPES
]
