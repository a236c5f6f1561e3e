/**
 * How to build each C library CPython's standard-library extensions need, as static,
 * position-independent archives for the target. Plain data: `static-deps.ts` builds it,
 * and the whole list is part of the cache key, so editing a recipe rebuilds the prefix.
 *
 * Placeholders, substituted in every argument and generated file:
 *   @prefix@   the configured installation prefix (a fixed, virtual path)
 *   @destdir@  the staging directory `make install DESTDIR=` writes under
 *   @jobs@     parallel make jobs
 *   @version@  upstream version, from the source tarball's name
 *   @CC@ @CFLAGS@ @CPPFLAGS@ @LDFLAGS@ @AR@ @RANLIB@  the toolchain environment's values
 *
 * Steps run in the unpacked source tree (the `.orig` tarball, top directory stripped);
 * nothing from Debian's `debian/` directory is applied. The environment is musl-gcc with
 * CFLAGS `-fPIC -O2` and the kernel headers on C_INCLUDE_PATH; CPPFLAGS and LDFLAGS are
 * empty: a recipe builds against another of its prefix only as its `dependsOn` says.
 */

export interface RecipeStep {
  /** A short name shown in logs and error messages: configure, build, install... */
  step: string
  argv: readonly string[]
}

export interface GeneratedFile {
  /** Relative to the prefix. */
  path: string
  content: string
}

export interface StaticLibraryRecipe {
  /** The name used in the manifest and the API (also the pkg-config module for most). */
  name: string
  /** Debian source package: its release and where to fetch it are pinned in library-sources.json. */
  sourcePackage: string
  /** What CPython uses it for. */
  usedBy: string
  steps: readonly RecipeStep[]
  /** Files written into the staged prefix after the steps (e.g. a missing `.pc`). */
  generatedFiles?: readonly GeneratedFile[]
  /** Files that must exist in the prefix afterwards, relative to it. */
  produces: readonly string[]
  /** The static archives among `produces`. */
  archives: readonly string[]
  /** Recipes of the same prefix it builds against (libtiff against libjpeg-turbo): built before it starts. */
  dependsOn?: readonly string[]
}

const autotoolsStatic = [
  '--disable-shared',
  '--enable-static',
  '--with-pic',
  '--prefix=@prefix@',
  '--libdir=@prefix@/lib'
]

/** The make steps of an autotools-style source tree: build in parallel, install into the staged prefix. */
const makeAndInstall: readonly RecipeStep[] = [
  { step: 'build', argv: ['make', '-j@jobs@'] },
  { step: 'install', argv: ['make', 'install', 'DESTDIR=@destdir@'] }
]

export const STATIC_LIBRARY_RECIPES: readonly StaticLibraryRecipe[] = [
  {
    name: 'zlib',
    sourcePackage: 'zlib',
    usedBy: 'zlib, binascii.crc32, zipimport of compressed archives',
    steps: [
      // zlib's own configure script reads CC and CFLAGS from the environment.
      { step: 'configure', argv: ['./configure', '--static', '--prefix=@prefix@', '--libdir=@prefix@/lib'] },
      { step: 'build', argv: ['make', '-j@jobs@', 'libz.a'] },
      { step: 'install', argv: ['make', 'install', 'DESTDIR=@destdir@'] }
    ],
    produces: ['lib/libz.a', 'include/zlib.h', 'include/zconf.h', 'lib/pkgconfig/zlib.pc'],
    archives: ['lib/libz.a']
  },
  {
    name: 'bzip2',
    sourcePackage: 'bzip2',
    usedBy: '_bz2',
    steps: [
      // No autotools: build the library target only, passing the toolchain on the make line.
      {
        step: 'build',
        argv: [
          'make',
          '-j@jobs@',
          'libbz2.a',
          'CC=@CC@',
          'AR=@AR@',
          'RANLIB=@RANLIB@',
          'CFLAGS=@CFLAGS@ -D_FILE_OFFSET_BITS=64'
        ]
      },
      { step: 'install', argv: ['install', '-D', '-m', '644', 'bzlib.h', '@destdir@@prefix@/include/bzlib.h'] },
      { step: 'install', argv: ['install', '-D', '-m', '644', 'libbz2.a', '@destdir@@prefix@/lib/libbz2.a'] }
    ],
    generatedFiles: [
      {
        path: 'lib/pkgconfig/bzip2.pc',
        content: [
          'prefix=@prefix@',
          'exec_prefix=${prefix}',
          'libdir=${exec_prefix}/lib',
          'includedir=${prefix}/include',
          '',
          'Name: bzip2',
          'Description: A file compression library (static, built for musl)',
          'Version: @version@',
          'Libs: -L${libdir} -lbz2',
          'Cflags: -I${includedir}',
          ''
        ].join('\n')
      }
    ],
    produces: ['lib/libbz2.a', 'include/bzlib.h', 'lib/pkgconfig/bzip2.pc'],
    archives: ['lib/libbz2.a']
  },
  {
    name: 'liblzma',
    sourcePackage: 'xz-utils',
    usedBy: '_lzma',
    steps: [
      {
        step: 'configure',
        argv: [
          './configure',
          ...autotoolsStatic,
          '--disable-xz',
          '--disable-xzdec',
          '--disable-lzmadec',
          '--disable-lzmainfo',
          '--disable-lzma-links',
          '--disable-scripts',
          '--disable-doc',
          '--disable-nls'
        ]
      },
      ...makeAndInstall
    ],
    produces: ['lib/liblzma.a', 'include/lzma.h', 'include/lzma/version.h', 'lib/pkgconfig/liblzma.pc'],
    archives: ['lib/liblzma.a']
  },
  {
    name: 'libffi',
    sourcePackage: 'libffi',
    usedBy: '_ctypes',
    steps: [
      {
        step: 'configure',
        argv: ['./configure', ...autotoolsStatic, '--disable-docs', '--disable-multi-os-directory']
      },
      ...makeAndInstall
    ],
    produces: ['lib/libffi.a', 'include/ffi.h', 'include/ffitarget.h', 'lib/pkgconfig/libffi.pc'],
    archives: ['lib/libffi.a']
  },
  {
    name: 'sqlite3',
    sourcePackage: 'sqlite3',
    usedBy: '_sqlite3',
    steps: [
      // Debian's orig tarball is the full source tree: the amalgamation (sqlite3.c) is
      // generated with tclsh; the Tcl extension, the shell's line editing are left out.
      {
        step: 'configure',
        argv: [
          './configure',
          ...autotoolsStatic,
          '--disable-tcl',
          '--disable-readline',
          '--disable-editline',
          '--enable-fts3',
          '--enable-fts4',
          '--enable-fts5',
          '--enable-rtree'
        ]
      },
      { step: 'build', argv: ['make', '-j@jobs@', 'libsqlite3.la', 'sqlite3.h', 'sqlite3.pc'] },
      { step: 'install', argv: ['make', 'lib_install', 'DESTDIR=@destdir@'] },
      { step: 'install', argv: ['install', '-D', '-m', '644', 'sqlite3.h', '@destdir@@prefix@/include/sqlite3.h'] },
      {
        step: 'install',
        argv: ['install', '-D', '-m', '644', 'src/sqlite3ext.h', '@destdir@@prefix@/include/sqlite3ext.h']
      },
      {
        step: 'install',
        argv: ['install', '-D', '-m', '644', 'sqlite3.pc', '@destdir@@prefix@/lib/pkgconfig/sqlite3.pc']
      }
    ],
    produces: ['lib/libsqlite3.a', 'include/sqlite3.h', 'include/sqlite3ext.h', 'lib/pkgconfig/sqlite3.pc'],
    archives: ['lib/libsqlite3.a']
  },
  {
    name: 'libuuid',
    sourcePackage: 'util-linux',
    usedBy: '_uuid',
    steps: [
      // util-linux is big, but --disable-all-programs builds only the library asked for.
      {
        step: 'configure',
        argv: [
          './configure',
          ...autotoolsStatic,
          '--disable-all-programs',
          '--enable-libuuid',
          '--disable-nls',
          '--disable-asciidoc',
          '--disable-bash-completion',
          '--without-python',
          '--without-systemd',
          '--without-udev',
          '--without-tinfo',
          '--without-ncurses',
          '--without-readline'
        ]
      },
      { step: 'build', argv: ['make', '-j@jobs@', 'libuuid.la'] },
      { step: 'install', argv: ['make', 'install', 'DESTDIR=@destdir@'] }
    ],
    produces: ['lib/libuuid.a', 'include/uuid/uuid.h', 'lib/pkgconfig/uuid.pc'],
    archives: ['lib/libuuid.a']
  },
  {
    name: 'openssl',
    sourcePackage: 'openssl',
    usedBy: '_ssl, _hashlib',
    steps: [
      // OpenSSL 3.0 has no `no-docs` option (3.2 does); building only `build_libs` skips the
      // docs and programs anyway. OPENSSLDIR is compiled in and decides where the finished binary looks for
      // certificates (certs/, cert.pem) on the machine that runs it: /etc/ssl is where
      // Debian, Ubuntu, Alpine, Arch and others keep them. `no-module` builds the legacy
      // provider into libcrypto (a static binary cannot load modules anyway).
      {
        step: 'configure',
        argv: [
          './Configure',
          'linux-x86_64',
          'no-shared',
          'no-module',
          'no-tests',
          'no-afalgeng',
          '--prefix=@prefix@',
          '--libdir=lib',
          '--openssldir=/etc/ssl'
        ]
      },
      { step: 'build', argv: ['make', '-j@jobs@', 'build_libs'] },
      // install_dev only: `install` would also write openssl.cnf into /etc/ssl.
      { step: 'install', argv: ['make', 'install_dev', 'DESTDIR=@destdir@'] }
    ],
    produces: [
      'lib/libssl.a',
      'lib/libcrypto.a',
      'include/openssl/ssl.h',
      'include/openssl/opensslv.h',
      'lib/pkgconfig/openssl.pc',
      'lib/pkgconfig/libssl.pc',
      'lib/pkgconfig/libcrypto.pc'
    ],
    archives: ['lib/libssl.a', 'lib/libcrypto.a']
  }
]

/**
 * libzstd, for CPython 3.14's `_zstd` (`compression.zstd`). Not in the list above: only
 * 3.14 and later need it, and a recipe there would change the key of every musl build
 * (version-static-libraries.ts builds it into a prefix of its own). `lib/Makefile` reads
 * CC and CFLAGS from the environment; `libzstd.a` is single-threaded, like Debian's own.
 */
export const LIBZSTD_RECIPE: StaticLibraryRecipe = {
  name: 'libzstd',
  sourcePackage: 'libzstd',
  usedBy: '_zstd (CPython 3.14+)',
  steps: [
    {
      step: 'build',
      argv: ['make', '-C', 'lib', '-j@jobs@', 'libzstd.a', 'libzstd.pc', 'PREFIX=@prefix@', 'LIBDIR=@prefix@/lib']
    },
    {
      step: 'install',
      argv: [
        'make',
        '-C',
        'lib',
        'install-static',
        'install-includes',
        'install-pc',
        'PREFIX=@prefix@',
        'LIBDIR=@prefix@/lib',
        'DESTDIR=@destdir@'
      ]
    }
  ],
  produces: ['lib/libzstd.a', 'include/zstd.h', 'include/zstd_errors.h', 'include/zdict.h', 'lib/pkgconfig/libzstd.pc'],
  archives: ['lib/libzstd.a']
}

/** CPython's recipes (the extension libraries' are in src/libraries/recipes.ts), for the source list and its refresh script. */
export const ALL_LIBRARY_RECIPES: readonly StaticLibraryRecipe[] = [...STATIC_LIBRARY_RECIPES, LIBZSTD_RECIPE]
