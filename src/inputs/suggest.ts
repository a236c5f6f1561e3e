/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two short strings. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/** The candidate nearest to `word`, when it is near enough to be what was meant (a typo, not another word). */
export function nearest(word: string, candidates: readonly string[]): string | null {
  const wanted = word.trim().toLowerCase()
  let best: { candidate: string; distance: number } | null = null
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase())
    if (!best || distance < best.distance) best = { candidate, distance }
  }
  if (!best) return null
  return best.distance <= Math.max(2, Math.floor(best.candidate.length / 4)) ? best.candidate : null
}

/** ` Did you mean "X"?` when a candidate is near, else an empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = nearest(word, candidates)
  return match ? ` Did you mean "${match}"?` : ''
}
