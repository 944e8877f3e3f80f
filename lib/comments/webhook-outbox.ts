import { z } from 'zod'
import type { Db, Queryable } from '@/lib/db/types'
import type { WebhookPayload } from './webhook'

// The webhook outbox: every comment.created notification is a row written in the comment's own
// transaction (lib/comments/submit.ts), sent after the response (after()), marked delivered on a 2xx,
// retried with backoff, and sent again at start-up if still undelivered (instrumentation.ts). So a
// restart, a crash or a receiver outage delays a notification but never loses it, and the shutdown
// does not have to keep the process alive for it. Its SQL lives here rather than in ./store.ts
// because instrumentation.ts imports this file, where 'server-only' cannot be imported.

export type RetryPolicy = {
  /** Attempts per delivery in all, across restarts; past them it is left undelivered and logged. */
  maxAttempts: number
  /** Attempts made right after the response; start-up redelivery makes the rest. */
  attemptsAfterResponse: number
  /** The wait after the first failed attempt; each further one waits four times longer. */
  baseDelayMs: number
}

/** 3 attempts after the response (waits of 1 s and 4 s at the default base), 2 more after restarts. */
export const retryPolicy = (baseDelayMs: number): RetryPolicy => ({
  maxAttempts: 5,
  attemptsAfterResponse: 3,
  baseDelayMs,
})

/** Stores the delivery of `payload` for `commentId` (in the comment's transaction); returns its id. */
export async function insertWebhookDelivery(
  tx: Queryable,
  commentId: number,
  payload: WebhookPayload,
  now: Date,
): Promise<number> {
  const [row] = await tx.query(
    'insert into webhook_deliveries (comment_id, payload, created_at, next_attempt_at) ' +
      'values ($1, $2::jsonb, $3, $3) returning id',
    [commentId, JSON.stringify(payload), now],
  )
  return z.object({ id: z.number() }).parse(row).id
}

export type Claim =
  | { kind: 'claimed'; payload: unknown; attempts: number }
  | { kind: 'not-due'; dueAt: Date }
  | { kind: 'delivered' }
  | { kind: 'exhausted' }
  | { kind: 'missing' }

const stateSchema = z.object({ attempts: z.number(), next_attempt_at: z.date(), delivered_at: z.date().nullable() })

/**
 * Starts an attempt if the delivery is due: counts it, and holds the row until the backoff after it
 * has passed (the next attempt's time, and a lease no other process will take before). Otherwise
 * says why not.
 */
export async function claimWebhookDelivery(db: Queryable, id: number, now: Date, policy: RetryPolicy): Promise<Claim> {
  const [claimed] = await db.query(
    `update webhook_deliveries
        set attempts = attempts + 1,
            next_attempt_at = $3::timestamptz + ($4::double precision * power(4, attempts)) * interval '1 millisecond'
      where id = $1 and delivered_at is null and attempts < $2 and next_attempt_at <= $3
      returning payload, attempts`,
    [id, policy.maxAttempts, now, policy.baseDelayMs],
  )
  if (claimed) return { kind: 'claimed', payload: claimed.payload, attempts: z.number().parse(claimed.attempts) }
  const [row] = await db.query('select attempts, next_attempt_at, delivered_at from webhook_deliveries where id = $1', [
    id,
  ])
  if (!row) return { kind: 'missing' }
  const state = stateSchema.parse(row)
  if (state.delivered_at) return { kind: 'delivered' }
  if (state.attempts >= policy.maxAttempts) return { kind: 'exhausted' }
  return { kind: 'not-due', dueAt: state.next_attempt_at }
}

export async function markWebhookDelivered(db: Queryable, id: number, now: Date): Promise<void> {
  await db.query('update webhook_deliveries set delivered_at = $2, last_error = null where id = $1', [id, now])
}

export async function recordWebhookFailure(db: Queryable, id: number, reason: string): Promise<void> {
  await db.query('update webhook_deliveries set last_error = $2 where id = $1', [id, reason.slice(0, 500)])
}

/** Undelivered deliveries with attempts left, oldest first. */
export async function listPendingWebhookDeliveries(db: Queryable, policy: RetryPolicy): Promise<number[]> {
  const rows = await db.query(
    'select id from webhook_deliveries where delivered_at is null and attempts < $1 order by id',
    [policy.maxAttempts],
  )
  return rows.map((row) => z.number().parse(row.id))
}

export type DeliveryDeps = {
  db: Db
  now: () => Date
  webhook: { url: string; timeoutMs: number }
  /** POSTs the payload; true on a 2xx. Never throws (./webhook.ts). */
  notify: (url: string, payload: unknown, timeoutMs: number) => Promise<boolean>
  wait: (ms: number) => Promise<void>
  policy: RetryPolicy
}

/**
 * Sends delivery `id`, waiting out the backoff between attempts, until it is delivered, has used
 * its attempts, or `budget` attempts (or waits for another process's attempt) have gone by: a
 * response's after() work must end soon, and start-up redelivery picks up the rest. Returns whether
 * the delivery is done.
 */
export async function deliverWebhook(
  deps: DeliveryDeps,
  id: number,
  budget = deps.policy.maxAttempts,
): Promise<boolean> {
  for (let round = 0; round < budget; round++) {
    const claim = await claimWebhookDelivery(deps.db, id, deps.now(), deps.policy)
    if (claim.kind === 'delivered') return true
    if (claim.kind === 'missing') return false
    if (claim.kind === 'exhausted') {
      console.error(`[comments] webhook delivery ${id} failed ${deps.policy.maxAttempts} times: left undelivered`)
      return false
    }
    if (claim.kind === 'not-due') {
      await deps.wait(Math.max(0, claim.dueAt.getTime() - deps.now().getTime()))
      continue
    }
    if (await deps.notify(deps.webhook.url, claim.payload, deps.webhook.timeoutMs)) {
      await markWebhookDelivered(deps.db, id, deps.now())
      return true
    }
    await recordWebhookFailure(deps.db, id, `attempt ${claim.attempts} failed`)
    if (claim.attempts >= deps.policy.maxAttempts) {
      console.error(`[comments] webhook delivery ${id} failed ${claim.attempts} times: left undelivered`)
      return false
    }
    if (round + 1 < budget) await deps.wait(deps.policy.baseDelayMs * 4 ** (claim.attempts - 1))
  }
  return false
}

/**
 * At start-up: every delivery an earlier process left undelivered, one after another. Returns how
 * many were delivered.
 */
export async function redeliverWebhooks(deps: DeliveryDeps): Promise<{ pending: number; delivered: number }> {
  const ids = await listPendingWebhookDeliveries(deps.db, deps.policy)
  let delivered = 0
  for (const id of ids) if (await deliverWebhook(deps, id)) delivered++
  return { pending: ids.length, delivered }
}
