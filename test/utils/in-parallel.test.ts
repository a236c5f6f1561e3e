import { inParallel } from '../../src/utils/in-parallel'

const tick = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

describe('inParallel', () => {
  test('runs every item, never more than the limit at once', async () => {
    let running = 0
    let most = 0
    const done: number[] = []
    await inParallel([1, 2, 3, 4, 5], 2, async item => {
      running++
      most = Math.max(most, running)
      await tick(5 * (6 - item))
      done.push(item)
      running--
    })
    expect(most).toBe(2)
    expect([...done].sort()).toEqual([1, 2, 3, 4, 5])
  })

  test('throws the first failure once the started tasks have settled, and starts no more', async () => {
    const started: number[] = []
    let settled = 0
    const error = await inParallel([1, 2, 3, 4], 2, async item => {
      started.push(item)
      await tick(item === 1 ? 1 : 20)
      settled++
      if (item === 1) throw new Error('one failed')
    }).then(
      () => null,
      (e: Error) => e
    )
    expect(error?.message).toBe('one failed')
    expect(started).toEqual([1, 2])
    expect(settled).toBe(2)
  })
})
