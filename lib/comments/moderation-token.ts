import { createHmac, timingSafeEqual } from 'node:crypto'

// The signed links of moderation by e-mail (docs/moderation-from-email.md). A token is
// `<expiry>.<scope>.<signature>`: the HMAC-SHA256 of the comment id, the scope and the expiry under
// the moderation key. The id is not in the token but in the path it is checked against, so a token
// for one comment is worthless for another. Opening a link acts on nothing: only the page's POST does.

export const moderationActions = ['approve', 'delete', 'spam'] as const
export type ModerationAction = (typeof moderationActions)[number]
/** `moderate` allows every action; an action's own scope allows that action only. */
export const moderationScopes = ['moderate', ...moderationActions] as const
export type ModerationScope = (typeof moderationScopes)[number]

/** How long a link works: a week of holidays, not a month of mail archives. */
export const MODERATION_LINK_SECONDS = 7 * 24 * 3600

export type TokenCheck =
  | { isValid: true; scope: ModerationScope; expiresAt: Date }
  | { isValid: false; reason: 'malformed' | 'bad-signature' | 'wrong-scope' }
  /** Signed by us, so worth telling the moderator: the link is genuine but too old. */
  | { isValid: false; reason: 'expired'; expiresAt: Date }

const TOKEN = /^(\d{10,12})\.(moderate|approve|delete|spam)\.([A-Za-z0-9_-]{43})$/

const sign = (key: string, commentId: number, scope: ModerationScope, expirySeconds: number) =>
  createHmac('sha256', key).update(`moderation-link v1\n${commentId}\n${scope}\n${expirySeconds}`).digest('base64url')

/**
 * MODERATION_SECRET, or a key derived from REVALIDATE_SECRET (so one secret can serve both without
 * a link's signature ever being a valid bearer for /api/revalidate). Undefined: links are off.
 */
export function deriveModerationKey(secrets: {
  MODERATION_SECRET?: string | undefined
  REVALIDATE_SECRET?: string | undefined
}): string | undefined {
  if (secrets.MODERATION_SECRET) return secrets.MODERATION_SECRET
  if (!secrets.REVALIDATE_SECRET) return undefined
  return createHmac('sha256', secrets.REVALIDATE_SECRET).update('backend-playbook moderation links').digest('hex')
}

export function signModerationToken(key: string, commentId: number, scope: ModerationScope, expiresAt: Date): string {
  const expirySeconds = Math.floor(expiresAt.getTime() / 1000)
  return `${expirySeconds}.${scope}.${sign(key, commentId, scope, expirySeconds)}`
}

/**
 * Checks a token for a comment and an action (`undefined`: only viewing the page). The signature is
 * checked before anything else is reported, so a forged token learns nothing but "bad".
 */
export function verifyModerationToken(
  key: string,
  token: string,
  commentId: number,
  action: ModerationAction | undefined,
  now: Date,
): TokenCheck {
  const match = TOKEN.exec(token)
  const scope = moderationScopes.find((candidate) => candidate === match?.[2])
  if (!match?.[1] || !match[3] || !scope) return { isValid: false, reason: 'malformed' }
  const expirySeconds = Number(match[1])
  // Compared as text: decoding would ignore the last character's spare bits and accept variants.
  const expected = Buffer.from(sign(key, commentId, scope, expirySeconds))
  if (!timingSafeEqual(Buffer.from(match[3]), expected)) return { isValid: false, reason: 'bad-signature' }
  const expiresAt = new Date(expirySeconds * 1000)
  if (expiresAt.getTime() <= now.getTime()) return { isValid: false, reason: 'expired', expiresAt }
  if (action !== undefined && scope !== 'moderate' && scope !== action) return { isValid: false, reason: 'wrong-scope' }
  return { isValid: true, scope, expiresAt }
}

export type ModerationLinks = {
  /** The page with every action. */
  url: string
  /** The page with one action each, for one-tap moderation. */
  actions: Record<ModerationAction, string>
  expiresAt: string
}

/** The links an e-mail and the webhook carry for a comment. */
export function createModerationLinks(key: string, siteUrl: string, commentId: number, now: Date): ModerationLinks {
  const expiresAt = new Date(now.getTime() + MODERATION_LINK_SECONDS * 1000)
  const link = (scope: ModerationScope) => {
    const url = new URL(`/moderate/${commentId}`, `${siteUrl}/`)
    url.searchParams.set('token', signModerationToken(key, commentId, scope, expiresAt))
    return url.href
  }
  return {
    url: link('moderate'),
    actions: { approve: link('approve'), delete: link('delete'), spam: link('spam') },
    expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString(),
  }
}

/** What each action makes of a comment, as `npm run comments -- approve|delete|spam` does. */
export const statusAfter = { approve: 'published', delete: 'deleted', spam: 'spam' } as const satisfies Record<
  ModerationAction,
  string
>
