/** Whether any of the texts holds every word of the query (blank-separated, case-insensitive); an empty query matches. */
export function matchesText(query: string, ...texts: (string | null | undefined)[]): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter((w) => w !== '')
  if (words.length === 0) return true
  const haystack = texts.filter((t): t is string => typeof t === 'string').join('\n').toLowerCase()
  return words.every((w) => haystack.includes(w))
}
