import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

// The /admin/comments queue's login: a password compared in constant time, and a session cookie
// `<expiry>.<signature>` signed with a key no one can derive from the password (see admin-auth.ts).
// Failed logins are throttled per client address and for the whole site, like the comment limits.

export const ADMIN_SESSION_SECONDS = 12 * 3600

const digest = (text: string) => createHash('sha256').update(text).digest()

/** Both sides hashed to the same length first: neither the password nor its length leaks through timing. */
export function isPasswordCorrect(given: string, password: string): boolean {
  return timingSafeEqual(digest(given), digest(password))
}

const sign = (key: string, expirySeconds: number) =>
  createHmac('sha256', key).update(`admin-session v1\n${expirySeconds}`).digest('base64url')

export function signAdminSession(key: string, expiresAt: Date): string {
  const expirySeconds = Math.floor(expiresAt.getTime() / 1000)
  return `${expirySeconds}.${sign(key, expirySeconds)}`
}

export function isAdminSessionValid(key: string, cookie: string | undefined, now: Date): boolean {
  const match = /^(\d{10,12})\.([A-Za-z0-9_-]{43})$/.exec(cookie ?? '')
  if (!match?.[1] || !match[2]) return false
  const expirySeconds = Number(match[1])
  // Compared as text (both 43 characters): decoding would accept variants of the last character.
  return (
    timingSafeEqual(Buffer.from(match[2]), Buffer.from(sign(key, expirySeconds))) &&
    expirySeconds * 1000 > now.getTime()
  )
}

export type LoginLimits = { perClient: number; perSite: number; windowSeconds: number }
export const defaultLoginLimits: LoginLimits = { perClient: 5, perSite: 50, windowSeconds: 15 * 60 }

export type LoginDecision = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number }

/**
 * Failed logins in a sliding window, in this process's memory (a restart forgets them; with several
 * instances each counts its own). A full scope waits until its oldest failure leaves the window.
 * Client keys are rate-limit keys chosen by whoever sends the request: a Map, and bounded.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>()
  private site: number[] = []

  constructor(private readonly limits: LoginLimits = defaultLoginLimits) {}

  private recent(times: readonly number[], now: Date) {
    const since = now.getTime() - this.limits.windowSeconds * 1000
    return times.filter((time) => time > since)
  }

  decide(client: string, now: Date): LoginDecision {
    const scopes = [
      { times: this.recent(this.failures.get(client) ?? [], now), limit: this.limits.perClient },
      { times: this.recent(this.site, now), limit: this.limits.perSite },
    ]
    const waits = scopes
      .filter(({ times, limit }) => times.length >= limit)
      .map(({ times }) =>
        Math.max(1, Math.ceil(((times[0] ?? now.getTime()) + this.limits.windowSeconds * 1000 - now.getTime()) / 1000)),
      )
    return waits.length === 0 ? { isAllowed: true } : { isAllowed: false, retryAfterSeconds: Math.max(...waits) }
  }

  recordFailure(client: string, now: Date): void {
    this.site = [...this.recent(this.site, now), now.getTime()]
    this.failures.set(client, [...this.recent(this.failures.get(client) ?? [], now), now.getTime()])
    // Forget clients with nothing left in the window.
    if (this.failures.size > 1000) {
      for (const [key, times] of this.failures) if (this.recent(times, now).length === 0) this.failures.delete(key)
    }
  }
}
