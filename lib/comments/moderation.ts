import { hasLink } from './links'

export { hasLink } from './links'

export type ModerationMode = 'off' | 'links' | 'all'

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
