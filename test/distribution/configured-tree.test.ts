import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { haclArchiveWords, linkHaclArchives, versionConfigureArgs } from '../../src/distribution/configured-tree'

// Lines as CPython 3.14.4's configure writes them into Makefile.pre (MODULE_BUILDTYPE=static).
const CONFIGURED_3_14_4 = [
  'LIBHACL_MD5_LIB_STATIC=Modules/_hacl/libHacl_Hash_MD5.a',
  'LIBHACL_MD5_LIB_SHARED=$(LIBHACL_MD5_OBJS)',
  'MODULE__MD5_LDFLAGS=$(LIBHACL_MD5_LIB_SHARED)',
  'MODULE__HMAC_LDFLAGS=$(LIBHACL_HMAC_LIB_SHARED)',
  '$(LIBHACL_MD5_LIB_STATIC): $(LIBHACL_MD5_OBJS)',
  'MODULE__MD5_DEPS=$(srcdir)/Modules/hashlib.h $(LIBHACL_MD5_HEADERS) $(LIBHACL_MD5_LIB_SHARED)',
  'MODULE__MD5_LDEPS=$(LIBHACL_MD5_LIB_SHARED)',
  'MODULE__BLAKE2_CFLAGS=$(LIBHACL_SIMD128_FLAGS)',
  ''
].join('\n')

describe('linkHaclArchives', () => {
  it("makes the module variables name HACL*'s archives, as configure does from 3.14.5 on", () => {
    expect(haclArchiveWords(CONFIGURED_3_14_4).split('\n')).toEqual([
      'LIBHACL_MD5_LIB_STATIC=Modules/_hacl/libHacl_Hash_MD5.a',
      'LIBHACL_MD5_LIB_SHARED=$(LIBHACL_MD5_OBJS)',
      'MODULE__MD5_LDFLAGS=$(LIBHACL_MD5_LIB_STATIC)',
      'MODULE__HMAC_LDFLAGS=$(LIBHACL_HMAC_LIB_STATIC)',
      '$(LIBHACL_MD5_LIB_STATIC): $(LIBHACL_MD5_OBJS)',
      'MODULE__MD5_DEPS=$(srcdir)/Modules/hashlib.h $(LIBHACL_MD5_HEADERS) $(LIBHACL_MD5_LIB_STATIC)',
      'MODULE__MD5_LDEPS=$(LIBHACL_MD5_LIB_STATIC)',
      'MODULE__BLAKE2_CFLAGS=$(LIBHACL_SIMD128_FLAGS)',
      ''
    ])
  })

  it('rewrites Makefile.pre and Makefile of such a tree, and leaves other trees untouched', async () => {
    const old = mkdtempSync(path.join(os.tmpdir(), 'pyseal-hacl-'))
    writeFileSync(path.join(old, 'Makefile.pre'), CONFIGURED_3_14_4)
    writeFileSync(path.join(old, 'Makefile'), CONFIGURED_3_14_4)
    expect(await linkHaclArchives(old)).toEqual(['Makefile.pre', 'Makefile'])
    expect(readFileSync(path.join(old, 'Makefile'), 'utf8')).not.toContain('_LIB_SHARED)\n')

    const current = mkdtempSync(path.join(os.tmpdir(), 'pyseal-hacl-'))
    const mended = haclArchiveWords(CONFIGURED_3_14_4)
    writeFileSync(path.join(current, 'Makefile.pre'), mended)
    expect(await linkHaclArchives(current)).toEqual([])
    expect(readFileSync(path.join(current, 'Makefile.pre'), 'utf8')).toBe(mended)
  })
})

describe('versionConfigureArgs', () => {
  it('asks 3.15 and later for their bundled libmpdec, and nothing of the releases before', () => {
    expect(versionConfigureArgs('3.15.0rc2')).toEqual(['--with-system-libmpdec=no'])
    expect(versionConfigureArgs('3.16.1')).toEqual(['--with-system-libmpdec=no'])
    expect(versionConfigureArgs('3.14.7')).toEqual([])
    expect(versionConfigureArgs('3.11.2')).toEqual([])
  })
})
