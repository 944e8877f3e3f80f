export type ModerationMode = 'off' | 'links' | 'all'

// A scheme, a `www.` host, a domain followed by a path, or markup that makes a link. Plain dotted
// words such as "Node.js" or "e.g." are not links.
const LINK = /([a-z][a-z\d+.-]*:\/\/|\bwww\.|\b[a-z\d-]+(\.[a-z\d-]+)*\.[a-z]{2,}\/|\]\(|<a\s|\[url)/i

export function hasLink(text: string): boolean {
  return LINK.test(text)
}

/** The status a new comment gets: honeypot hits are spam, held comments wait for a moderator. */
export function decideStatus(
  input: { name: string; body: string; website?: string | undefined },
  mode: ModerationMode,
): 'published' | 'pending' | 'spam' {
  if (input.website?.trim()) return 'spam'
  if (mode === 'all') return 'pending'
  if (mode === 'links' && (hasLink(input.body) || hasLink(input.name))) return 'pending'
  return 'published'
}
