import { getDb } from '@/lib/db/process'
import type { Db } from '@/lib/db/types'
import { getConfig, type Config } from '@/lib/config'
import { notifyWebhook } from './webhook'
import { redeliverWebhooks, retryPolicy, type DeliveryDeps } from './webhook-outbox'

// The outbox's dependencies as the running site provides them. Not 'server-only', and not through
// lib/db.ts: instrumentation.ts imports this file, where that marker cannot be imported.

type WebhookConfig = Pick<Config['comments'], 'webhook' | 'webhookRetryMs'>

/** Undefined when no webhook is configured: deliveries then wait in the outbox until one is. */
export function getWebhookDeliveryDeps(db: Db, config: WebhookConfig): DeliveryDeps | undefined {
  if (!config.webhook) return undefined
  return {
    db,
    now: () => new Date(),
    webhook: config.webhook,
    notify: notifyWebhook,
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    policy: retryPolicy(config.webhookRetryMs),
  }
}

/**
 * At start-up (instrumentation.ts): sends what earlier processes left undelivered. Runs in the
 * background; whatever the shutdown cuts off stays in the outbox for the next start.
 */
export async function redeliverPendingWebhooks(): Promise<void> {
  const { comments } = getConfig()
  if (!comments.webhook) return
  const deps = getWebhookDeliveryDeps(await getDb(), comments)
  if (!deps) return
  const { pending, delivered } = await redeliverWebhooks(deps)
  if (pending > 0) console.log(`[comments] webhook redelivery at start-up: ${delivered} of ${pending} delivered`)
}
