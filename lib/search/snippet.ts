export type SnippetPart = { text: string; isMatch: boolean }

/** How Pagefind splits its content into words; `locations` index into this split. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/

export type SnippetOptions = {
  /** Word positions of the matches (Pagefind's `locations`). */
  locations: readonly number[]
  /** The words the snippet may use, `[start, end)`: one section of the post. */
  range?: { start: number; end: number }
  /** Words in the snippet. */
  length?: number
}

/**
 * A short passage of `content` around the densest run of matches, as plain text parts: the page
 * renders the matches in `<mark>` as React text, never as HTML (Pagefind's own excerpt is HTML).
 */
export function buildSnippet(content: string, { locations, range, length = 30 }: SnippetOptions): SnippetPart[] {
  const words = content.split(WORD_SEPARATORS)
  const start = Math.max(0, range?.start ?? 0)
  const end = Math.min(words.length, range?.end ?? words.length)
  if (end <= start) return []
  const matches = new Set(locations.filter((location) => location >= start && location < end))
  const from = pickWindow(
    [...matches].sort((a, b) => a - b),
    start,
    end,
    length,
  )
  const to = Math.min(end, from + length)

  const parts: SnippetPart[] = []
  const push = (text: string, isMatch: boolean) => {
    const last = parts.at(-1)
    if (last && !last.isMatch && !isMatch) last.text += text
    else parts.push({ text, isMatch })
  }
  if (from > start) push('… ', false)
  for (let index = from; index < to; index += 1) {
    if (index > from) push(' ', false)
    push(words[index] ?? '', matches.has(index))
  }
  if (to < end) push(' …', false)
  return parts
}

/**
 * The first word of the window of `length` words (inside the range) holding the most matches,
 * with a little lead-in.
 */
function pickWindow(matches: readonly number[], start: number, end: number, length: number): number {
  const latestStart = Math.max(start, end - length)
  const leadIn = Math.floor(length / 4)
  let best = start
  let bestCount = 0
  for (const [i, first] of matches.entries()) {
    let count = 0
    for (let j = i; j < matches.length && (matches[j] ?? Infinity) < first + length - leadIn; j += 1) count += 1
    if (count > bestCount) {
      bestCount = count
      best = first - leadIn
    }
  }
  return Math.min(Math.max(best, start), latestStart)
}
