import { isRecord } from './public-comment'

// The comments this browser may still edit or delete: their secrets (from the POST's answer), in
// localStorage under `comment-edit:<id>`, with the time the window closes and the text to edit.
// Browser-only; every access is guarded, since storage can be full, disabled or hold anything.

export type OwnComment = { secret: string; until: string; body: string }

const keyOf = (id: number) => `comment-edit:${id}`

function parse(json: string | null): OwnComment | undefined {
  const value: unknown = JSON.parse(json ?? 'null')
  if (
    !isRecord(value) ||
    typeof value.secret !== 'string' ||
    typeof value.until !== 'string' ||
    typeof value.body !== 'string'
  )
    return undefined
  return { secret: value.secret, until: value.until, body: value.body }
}

/** The comment's entry while its window is open; an expired or unreadable one is removed. */
export function readOwnComment(id: number, now = Date.now()): OwnComment | undefined {
  try {
    const own = parse(localStorage.getItem(keyOf(id)))
    if (own && Date.parse(own.until) > now) return own
    if (own) localStorage.removeItem(keyOf(id))
  } catch (error) {
    console.warn('Could not read the comment’s edit secret:', error)
  }
  return undefined
}

export function rememberOwnComment(id: number, own: OwnComment): void {
  try {
    localStorage.setItem(keyOf(id), JSON.stringify(own))
  } catch (error) {
    console.warn('Could not keep the comment’s edit secret: it cannot be edited from this page.', error)
  }
}

export function forgetOwnComment(id: number): void {
  try {
    localStorage.removeItem(keyOf(id))
  } catch (error) {
    console.warn('Could not remove the comment’s edit secret:', error)
  }
}

/** "21:45", in the reader's time zone. */
export const formatUntil = (until: string) =>
  new Date(until).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
