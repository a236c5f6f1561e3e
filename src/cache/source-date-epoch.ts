/**
 * The time compilers see (`__DATE__`, `__TIME__`, archive dates) when the user sets no
 * SOURCE_DATE_EPOCH: 2000-01-01, never the clock, so a rebuild gives the same bytes.
 * The static libraries (toolchain/static-deps.ts) always use it: they are shared by
 * every build of a target and keyed without the user's choice.
 */
export const DEFAULT_SOURCE_DATE_EPOCH = '946684800'

export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): string {
  return /^\d+$/.test(env.SOURCE_DATE_EPOCH ?? '') ? (env.SOURCE_DATE_EPOCH as string) : DEFAULT_SOURCE_DATE_EPOCH
}

/** Only a SOURCE_DATE_EPOCH the user chose is part of a key: the default keeps every existing key. */
export function chosenSourceDateEpoch(): string | undefined {
  return sourceDateEpoch() === DEFAULT_SOURCE_DATE_EPOCH ? undefined : sourceDateEpoch()
}
