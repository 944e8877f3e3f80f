import 'server-only'
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { getDb } from '@/lib/db'
import { getConfig } from '@/lib/config'
import { isAdminSessionValid, LoginThrottle } from './admin-session'
import { getOriginPolicy, isCrossSite } from './origin'
import { getSharedSecret } from './store'

// Who may moderate over HTTP: the holder of a signed link, or an /admin/comments session.

/** The key of the moderation links; undefined when links are off (the pages answer 404). */
export const getModerationKey = () => getConfig().moderation.linkKey

/** ADMIN_PASSWORD; unset, the admin queue answers 404. */
export const getAdminPassword = () => getConfig().moderation.adminPassword

const isHttps = () => getConfig().site.url.startsWith('https://')

/** Browsers send `__Host-` cookies only over HTTPS: plain HTTP (a local build) gets a plain name. */
export const adminCookieName = () => (isHttps() ? '__Host-admin-session' : 'admin-session')

export const adminCookieOptions = (maxAgeSeconds: number) =>
  ({ httpOnly: true, secure: isHttps(), sameSite: 'strict', path: '/', maxAge: maxAgeSeconds }) as const

/**
 * Signs sessions: a random key kept in the database (shared by every instance, never derived from
 * the password, so a stolen cookie cannot be brute-forced into it), mixed with the password's hash,
 * so changing ADMIN_PASSWORD ends every session.
 */
export async function getAdminSessionKey(password: string): Promise<string> {
  const stored = await getSharedSecret(await getDb(), 'admin_session_key', randomBytes(32).toString('hex'))
  return createHmac('sha256', stored).update(createHash('sha256').update(password).digest()).digest('hex')
}

export async function isAdmin(cookie: string | undefined, now: Date): Promise<boolean> {
  const password = getAdminPassword()
  if (!password || !cookie) return false
  return isAdminSessionValid(await getAdminSessionKey(password), cookie, now)
}

let throttle: LoginThrottle | undefined
/** The login limits of this process (only the sign-in route uses them). */
export const loginThrottle = () => (throttle ??= new LoginThrottle())

/**
 * A moderation POST must come from a page of this site: the browser's Origin is required (a form on
 * another site, or a request without one, is refused) and must be the site's own.
 */
export function isSameOriginPost(headers: Headers): boolean {
  return headers.get('origin') !== null && !isCrossSite(headers, getOriginPolicy(getConfig()))
}
