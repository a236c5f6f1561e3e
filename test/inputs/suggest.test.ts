import { didYouMean, nearest } from '../../src/inputs/suggest'

describe('suggestions for typos', () => {
  it('finds the nearest name within a typo or two', () => {
    expect(nearest('x86_64-unknown-linux-gnux', ['x86_64-unknown-linux-gnu', 'x86_64-unknown-linux-musl'])).toBe(
      'x86_64-unknown-linux-gnu'
    )
    expect(nearest('tagret', ['target', 'project'])).toBe('target')
    expect(nearest('biuld', ['build', 'plan', 'report'])).toBe('build')
  })

  it('suggests nothing for a different word', () => {
    expect(nearest('sparc-sun-solaris', ['x86_64-unknown-linux-gnu', 'linux-x64'])).toBeNull()
    expect(didYouMean('deploy', ['build', 'plan', 'report'])).toBe('')
  })
})
