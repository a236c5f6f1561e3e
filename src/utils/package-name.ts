/** Distribution names compare as PEP 503 normalizes them (`Foo_Bar` is `foo-bar`). */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}
