// Build switches of packages whose compiled modules are built only when asked: pip-install.ts
// sets them for every pip run, build-packages.ts keys the package cache on their values.

/**
 * Package (normalized name) -> the environment variables that make its build compile
 * its accelerated modules. Every variable is named by its package, so setting them for
 * a whole pip run turns on nothing else. A package whose build compiles by default
 * needs no entry.
 */
export const OPTIONAL_ACCELERATOR_ENV: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // charset_normalizer.md compiled by mypyc (3.4.x; later releases switched to Cython,
  // which they compile only with CHARSET_NORMALIZER_USE_CYTHON=1 and a PGO pass).
  'charset-normalizer': { CHARSET_NORMALIZER_USE_MYPYC: '1' }
}

/**
 * Every package's switches, as one environment; a variable already set in `env` keeps its
 * value (CHARSET_NORMALIZER_USE_MYPYC=0 builds charset-normalizer as pure Python).
 */
export function acceleratorEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const switches: Record<string, string> = {}
  for (const variables of Object.values(OPTIONAL_ACCELERATOR_ENV)) {
    for (const [name, value] of Object.entries(variables)) switches[name] = env[name] ?? value
  }
  return switches
}
