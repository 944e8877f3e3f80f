export type RateLimits = {
  /** Posts per client address in the window. */
  perClient: number
  /** Posts per post in the window, whoever sends them. */
  perPost: number
  /** Posts on the whole site in the window. */
  perSite: number
  windowSeconds: number
}

export type RateScope = 'client' | 'post' | 'site'

/** How many comments each scope stored in the current window, and when the oldest of them was stored. */
export type RateCounts = Record<RateScope, { count: number; oldest: Date | null }>

export type RateDecision = { isAllowed: true } | { isAllowed: false; scope: RateScope; retryAfterSeconds: number }

const limitOf = (limits: RateLimits, scope: RateScope) =>
  scope === 'client' ? limits.perClient : scope === 'post' ? limits.perPost : limits.perSite

/**
 * A sliding window over stored comments. When a scope is full, the wait is until its oldest
 * comment leaves the window; over several full scopes, the longest wait wins.
 */
export function decideRateLimit(counts: RateCounts, limits: RateLimits, now: Date): RateDecision {
  let decision: RateDecision = { isAllowed: true }
  for (const scope of ['client', 'post', 'site'] as const) {
    const { count, oldest } = counts[scope]
    if (count < limitOf(limits, scope)) continue
    const freesAt = (oldest ?? now).getTime() + limits.windowSeconds * 1000
    const retryAfterSeconds = Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000))
    if (decision.isAllowed || retryAfterSeconds > decision.retryAfterSeconds) {
      decision = { isAllowed: false, scope, retryAfterSeconds }
    }
  }
  return decision
}
