import { AUTOTOOLS_STATIC, cmakeSteps, type ExtensionLibraryRecipe } from './recipe-types'

/**
 * The image libraries Pillow and its kin link (libjpeg-turbo, libpng, libtiff, libwebp,
 * lcms2, freetype), as recipes.ts lists them: each static and PIC, with only the codecs a
 * package's common use needs (TIFF with JPEG and Deflate; no GIF, OpenGL or tools).
 */

/** configure flags that find the dependencies built earlier into the staged prefix. */
const STAGED_DEPENDENCIES = ['CPPFLAGS=-I@destdir@@prefix@/include', 'LDFLAGS=-L@destdir@@prefix@/lib']

export const IMAGE_LIBRARY_RECIPES: readonly ExtensionLibraryRecipe[] = [
  {
    name: 'libjpeg-turbo',
    sourcePackage: 'libjpeg-turbo',
    usedBy: 'Pillow (JPEG), libtiff',
    dependsOn: [],
    provides: { headers: ['jpeglib.h', 'jconfig.h', 'jerror.h'], libraries: ['jpeg'], pkgConfig: ['libjpeg'] },
    // Without nasm the SIMD code is left out (slower, still correct); TurboJPEG's API is unused.
    // Its CMakeLists takes a relative include directory as one in the source tree: absolute ones.
    steps: cmakeSteps([
      '-DENABLE_SHARED=OFF',
      '-DENABLE_STATIC=ON',
      '-DWITH_TURBOJPEG=OFF',
      '-DWITH_JAVA=OFF',
      '-DCMAKE_INSTALL_INCLUDEDIR=@prefix@/include',
      '-DCMAKE_INSTALL_LIBDIR=@prefix@/lib'
    ]),
    produces: ['lib/libjpeg.a', 'include/jpeglib.h', 'include/jconfig.h', 'lib/pkgconfig/libjpeg.pc'],
    archives: ['lib/libjpeg.a']
  },
  {
    name: 'libpng',
    sourcePackage: 'libpng1.6',
    usedBy: 'Pillow (PNG through zlib is its own; libpng for freetype and others)',
    dependsOn: ['zlib'],
    provides: { headers: ['png.h', 'pngconf.h'], libraries: ['png', 'png16'], pkgConfig: ['libpng', 'libpng16'] },
    steps: [
      { step: 'configure', argv: ['./configure', ...AUTOTOOLS_STATIC, ...STAGED_DEPENDENCIES] },
      { step: 'build', argv: ['make', '-j@jobs@', 'libpng16.la'] },
      {
        step: 'install',
        argv: [
          'make',
          'install-libLTLIBRARIES',
          'install-pkgincludeHEADERS',
          'install-nodist_pkgincludeHEADERS',
          'install-pkgconfigDATA',
          'DESTDIR=@destdir@'
        ]
      },
      // The unversioned names, as copies: its install rules would make symbolic links.
      {
        step: 'install',
        argv: [
          'sh',
          '-ec',
          'cd "@destdir@@prefix@"; cp include/libpng16/*.h include/; cp lib/libpng16.a lib/libpng.a; ' +
            'cp lib/pkgconfig/libpng16.pc lib/pkgconfig/libpng.pc'
        ]
      }
    ],
    produces: ['lib/libpng16.a', 'lib/libpng.a', 'include/png.h', 'lib/pkgconfig/libpng.pc'],
    archives: ['lib/libpng16.a', 'lib/libpng.a']
  },
  {
    name: 'libtiff',
    sourcePackage: 'tiff',
    usedBy: 'Pillow (TIFF)',
    dependsOn: ['zlib', 'libjpeg-turbo'],
    provides: { headers: ['tiffio.h', 'tiff.h', 'tiffconf.h'], libraries: ['tiff'], pkgConfig: ['libtiff-4'] },
    steps: cmakeSteps(
      [
        '-Dtiff-tools=OFF',
        '-Dtiff-tests=OFF',
        '-Dtiff-contrib=OFF',
        '-Dtiff-docs=OFF',
        '-Dcxx=OFF',
        '-Djpeg=ON',
        '-Dzlib=ON',
        '-Djbig=OFF',
        '-Dlerc=OFF',
        '-Dlzma=OFF',
        '-Dzstd=OFF',
        '-Dwebp=OFF',
        '-Dlibdeflate=OFF',
        '-Dtiff-opengl=OFF'
      ],
      ['tiff']
    ),
    produces: ['lib/libtiff.a', 'include/tiffio.h', 'lib/pkgconfig/libtiff-4.pc'],
    archives: ['lib/libtiff.a']
  },
  {
    name: 'libwebp',
    sourcePackage: 'libwebp',
    usedBy: 'Pillow (WebP, animated WebP through mux and demux)',
    dependsOn: [],
    provides: {
      headers: ['webp/decode.h', 'webp/encode.h', 'webp/mux.h', 'webp/demux.h'],
      libraries: ['webp', 'webpmux', 'webpdemux'],
      pkgConfig: ['libwebp', 'libwebpmux', 'libwebpdemux']
    },
    steps: [
      {
        step: 'configure',
        argv: [
          './configure',
          ...AUTOTOOLS_STATIC,
          '--enable-libwebpmux',
          '--enable-libwebpdemux',
          '--disable-libwebpdecoder',
          '--disable-gl',
          '--disable-sdl',
          '--disable-png',
          '--disable-jpeg',
          '--disable-tiff',
          '--disable-gif',
          '--disable-wic'
        ]
      },
      // sharpyuv/ (a convenience library libwebp takes in) and src/ hold the libraries only;
      // examples/ (cwebp, dwebp, ...) is left alone.
      { step: 'build', argv: ['make', '-C', 'sharpyuv', '-j@jobs@'] },
      { step: 'build', argv: ['make', '-C', 'src', '-j@jobs@'] },
      { step: 'install', argv: ['make', '-C', 'sharpyuv', 'install', 'DESTDIR=@destdir@'] },
      { step: 'install', argv: ['make', '-C', 'src', 'install', 'DESTDIR=@destdir@'] }
    ],
    produces: [
      'lib/libwebp.a',
      'lib/libwebpmux.a',
      'lib/libwebpdemux.a',
      'include/webp/decode.h',
      'include/webp/mux.h',
      'lib/pkgconfig/libwebp.pc'
    ],
    archives: ['lib/libwebp.a', 'lib/libwebpmux.a', 'lib/libwebpdemux.a']
  },
  {
    name: 'lcms2',
    sourcePackage: 'lcms2',
    usedBy: 'Pillow (ImageCms: colour management)',
    dependsOn: [],
    provides: { headers: ['lcms2.h', 'lcms2_plugin.h'], libraries: ['lcms2'], pkgConfig: ['lcms2'] },
    steps: [
      // JPEG, TIFF and zlib are for its utilities (jpgicc, tificc), which are not built.
      {
        step: 'configure',
        argv: ['./configure', ...AUTOTOOLS_STATIC, '--without-jpeg', '--without-tiff', '--without-zlib']
      },
      { step: 'build', argv: ['make', '-C', 'src', '-j@jobs@'] },
      { step: 'install', argv: ['make', '-C', 'src', 'install', 'DESTDIR=@destdir@'] },
      { step: 'install', argv: ['make', '-C', 'include', 'install', 'DESTDIR=@destdir@'] },
      { step: 'install', argv: ['make', 'install-pkgconfigDATA', 'DESTDIR=@destdir@'] }
    ],
    produces: ['lib/liblcms2.a', 'include/lcms2.h', 'lib/pkgconfig/lcms2.pc'],
    archives: ['lib/liblcms2.a']
  },
  {
    name: 'freetype',
    sourcePackage: 'freetype',
    usedBy: 'Pillow (ImageFont)',
    dependsOn: ['zlib'],
    includeDirs: ['include/freetype2'],
    provides: { headers: ['ft2build.h', 'freetype/freetype.h'], libraries: ['freetype'], pkgConfig: ['freetype2'] },
    steps: [
      {
        step: 'configure',
        // PNG glyphs, bzip2-compressed fonts and HarfBuzz would each pull in another library.
        // zlib is the one already in every binary: without it FreeType compiles in its own
        // copy, whose global inflate and crc32 symbols clash with zlib's at the final link.
        argv: [
          './configure',
          ...AUTOTOOLS_STATIC,
          '--with-zlib=yes',
          '--without-bzip2',
          '--without-png',
          '--without-harfbuzz',
          '--without-brotli'
        ]
      },
      { step: 'build', argv: ['make', '-j@jobs@'] },
      { step: 'install', argv: ['make', 'install', 'DESTDIR=@destdir@'] }
    ],
    produces: ['lib/libfreetype.a', 'include/freetype2/ft2build.h', 'lib/pkgconfig/freetype2.pc'],
    archives: ['lib/libfreetype.a']
  }
]
