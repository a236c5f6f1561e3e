import { pythonAbi, type PythonJson } from '../../src/distribution/python-json'

function json(minor: string, include: string): PythonJson {
  return {
    python_major_minor_version: minor,
    python_paths: { stdlib: `install/lib/${include}`, include: `install/include/${include}` }
  } as unknown as PythonJson
}

describe("a distribution's ABI, as the report names it", () => {
  it('is cpXY for a build with the GIL', () => {
    expect(pythonAbi(json('3.11', 'python3.11'))).toEqual({ tag: 'cp311', freeThreaded: false })
    expect(pythonAbi(json('3.14', 'python3.14'))).toEqual({ tag: 'cp314', freeThreaded: false })
  })

  it('is cpXYt for a free-threaded build, whose include directory carries the t flag', () => {
    expect(pythonAbi(json('3.14', 'python3.14t'))).toEqual({ tag: 'cp314t', freeThreaded: true })
  })

  it('ignores ABI flags other than t (a debug build is not free-threaded)', () => {
    expect(pythonAbi(json('3.13', 'python3.13d'))).toEqual({ tag: 'cp313', freeThreaded: false })
  })
})
