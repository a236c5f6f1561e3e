import { portableStrings, resolvePortablePath } from '../../src/report/portable'

describe('portable report paths', () => {
  const roots = { project: '/work/app', outDir: '/work/app/dist-bin', cacheDir: '/home/me/.cache/pyseal' }

  it('writes paths under the project, the output directory and the cache by name, wherever they appear', () => {
    expect(
      portableStrings(
        {
          root: '/home/me/.cache/pyseal/python/abc',
          message: 'Full log: /home/me/.cache/pyseal/packages/k/pip.log (see /work/app/setup.py)',
          list: ['/work/app/dist-bin/lib/_x.so', '/work/app'],
          count: 3
        },
        roots
      )
    ).toEqual({
      root: '{cache-dir}/python/abc',
      message: 'Full log: {cache-dir}/packages/k/pip.log (see {project}/setup.py)',
      list: ['./lib/_x.so', '{project}'],
      count: 3
    })
  })

  it('leaves a path that only starts like a root alone', () => {
    expect(portableStrings('/work/application/x and /work/app-old/y', roots)).toBe(
      '/work/application/x and /work/app-old/y'
    )
  })

  it('reads them back to the real paths', () => {
    for (const file of ['/home/me/.cache/pyseal/python/abc', '/work/app/pyproject.toml', '/work/app/dist-bin/app']) {
      expect(resolvePortablePath(portableStrings(file, roots), roots)).toBe(file)
    }
  })
})
