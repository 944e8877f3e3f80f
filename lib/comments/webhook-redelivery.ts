import { getDb } from '@/lib/db/process'
import type { Db } from '@/lib/db/types'
import { getEnv, type Env } from '@/lib/env'
import { notifyWebhook } from './webhook'
import { redeliverWebhooks, retryPolicy, type DeliveryDeps } from './webhook-outbox'

// The outbox's dependencies as the running site provides them. Not 'server-only', and not through
// lib/db.ts: instrumentation.ts imports this file, where that marker cannot be imported.

type WebhookEnv = Pick<Env, 'COMMENT_WEBHOOK_URL' | 'COMMENT_WEBHOOK_TIMEOUT_MS' | 'COMMENT_WEBHOOK_RETRY_MS'>

/** Undefined when no webhook is configured: deliveries then wait in the outbox until one is. */
export function getWebhookDeliveryDeps(db: Db, env: WebhookEnv): DeliveryDeps | undefined {
  if (!env.COMMENT_WEBHOOK_URL) return undefined
  return {
    db,
    now: () => new Date(),
    webhook: { url: env.COMMENT_WEBHOOK_URL, timeoutMs: env.COMMENT_WEBHOOK_TIMEOUT_MS },
    notify: notifyWebhook,
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    policy: retryPolicy(env.COMMENT_WEBHOOK_RETRY_MS),
  }
}

/**
 * At start-up (instrumentation.ts): sends what earlier processes left undelivered. Runs in the
 * background; whatever the shutdown cuts off stays in the outbox for the next start.
 */
export async function redeliverPendingWebhooks(): Promise<void> {
  const env = getEnv()
  if (!env.COMMENT_WEBHOOK_URL) return
  const deps = getWebhookDeliveryDeps(await getDb(), env)
  if (!deps) return
  const { pending, delivered } = await redeliverWebhooks(deps)
  if (pending > 0) console.log(`[comments] webhook redelivery at start-up: ${delivered} of ${pending} delivered`)
}
