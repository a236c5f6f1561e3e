/**
 * One word for a generated /bin/sh script, quoted so that nothing in it is expanded:
 * paths come from user input (--cache-dir), and `$(...)`, backticks or `;` in them
 * must stay characters.
 */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`
}
