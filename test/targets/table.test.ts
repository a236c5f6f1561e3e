import { findTarget, TARGETS, UnknownTargetError } from '../../src/targets/table'

describe('target table', () => {
  it('finds triples and the aliases a user types', () => {
    expect(findTarget('linux-x64').triple).toBe('x86_64-unknown-linux-gnu')
    expect(findTarget('linux-musl-x64').triple).toBe('x86_64-unknown-linux-musl')
    expect(findTarget(' X86_64-unknown-linux-musl ').triple).toBe('x86_64-unknown-linux-musl')
  })

  it('lists every valid target when the value is unknown', () => {
    expect(() => findTarget('linux-sparc')).toThrow(UnknownTargetError)
    expect(() => findTarget('linux-sparc')).toThrow(/x86_64-unknown-linux-gnu \(linux-x64/)
  })

  it('says musl binaries are static-only and cannot load shared libraries', () => {
    const musl = findTarget('x86_64-unknown-linux-musl')
    expect(musl.capabilities).toEqual({
      canLoadSharedLibraries: false,
      inMemorySharedLibraries: false,
      staticOnly: true
    })
    expect(TARGETS.every(t => t.aliases.length > 0)).toBe(true)
  })
})
