import 'server-only'
import { randomBytes } from 'node:crypto'
import { after } from 'next/server'
import { getDb } from '@/lib/db'
import { getEnv, type Env } from '@/lib/env'
import { getPostBySlug } from '@/lib/posts'
import { getAbsoluteUrl, site } from '@/lib/site'
import { resolveClientAddress } from './client-address'
import { createModerationLinks, deriveModerationKey } from './moderation-token'
import { composeCommentEmail, sendCommentEmail, shouldEmail, type EmailSettings } from './notify-email'
import { getSharedSecret } from './store'
import type { SubmitDeps } from './submit'
import { notifyWebhook } from './webhook'

// The use case's dependencies as the running site provides them: the process's database, the wall
// clock, Next.js's after(), the published posts and the environment. The route handler and the form
// action build them here; tests build their own.

const DUPLICATE_WINDOW_SECONDS = 600

let addressKey: Promise<string> | undefined
let hasWarnedUnknownAddress = false

/** COMMENT_IP_SECRET, else a random key kept in the database (instrumentation.ts warns about it at start-up). */
async function getAddressKey(): Promise<string> {
  const { COMMENT_IP_SECRET } = getEnv()
  if (COMMENT_IP_SECRET) return COMMENT_IP_SECRET
  addressKey ??= getDb().then((db) => getSharedSecret(db, 'client_address_key', randomBytes(32).toString('hex')))
  addressKey.catch(() => {
    addressKey = undefined
  })
  return addressKey
}

/** The client a rate limit keys on, from the request's headers (see TRUST_PROXY_HOPS). */
export function clientOf(headers: Headers): { address: string | undefined } {
  const address = resolveClientAddress(headers, getEnv().TRUST_PROXY_HOPS)
  if (!address && !hasWarnedUnknownAddress) {
    hasWarnedUnknownAddress = true
    console.warn('[comments] a request came without a usable client address; such requests share one rate limit. Check TRUST_PROXY_HOPS.')
  }
  return { address }
}

/** The e-mail settings when SMTP_URL, COMMENT_NOTIFY_EMAIL and a moderation key are all set (else e-mail is off). */
export function getEmailSettings(env: Env): EmailSettings | undefined {
  if (!env.SMTP_URL || !env.COMMENT_NOTIFY_EMAIL || !deriveModerationKey(env)) return undefined
  return { smtpUrl: env.SMTP_URL, to: env.COMMENT_NOTIFY_EMAIL, from: env.COMMENT_NOTIFY_FROM ?? env.COMMENT_NOTIFY_EMAIL, mode: env.COMMENT_NOTIFY }
}

/** `invalidate` differs by caller: a route handler revalidates the post's tag, a Server Action updates it. */
export async function getCommentServices(invalidate: SubmitDeps['invalidate']): Promise<SubmitDeps> {
  const env = getEnv()
  const moderationKey = deriveModerationKey(env)
  const email = getEmailSettings(env)
  return {
    db: await getDb(),
    now: () => new Date(),
    schedule: (task) => after(task),
    findPost: (slug) => {
      const post = getPostBySlug(slug)
      return post && { slug: post.slug, title: post.title, url: getAbsoluteUrl(post.url) }
    },
    settings: {
      moderation: env.COMMENT_MODERATION,
      limits: {
        perClient: env.COMMENT_RATE_LIMIT,
        perPost: env.COMMENT_RATE_LIMIT_POST,
        perSite: env.COMMENT_RATE_LIMIT_SITE,
        windowSeconds: env.COMMENT_RATE_WINDOW_SECONDS,
      },
      duplicateWindowSeconds: DUPLICATE_WINDOW_SECONDS,
      webhook: env.COMMENT_WEBHOOK_URL ? { url: env.COMMENT_WEBHOOK_URL, timeoutMs: env.COMMENT_WEBHOOK_TIMEOUT_MS } : undefined,
    },
    addressKey: getAddressKey,
    invalidate,
    notify: notifyWebhook,
    moderationLinks: (commentId) => (moderationKey ? createModerationLinks(moderationKey, site.url, commentId, new Date()) : undefined),
    ...(email && {
      notifyEmail: async (payload) => {
        if (!payload.moderation || !shouldEmail(payload, email.mode)) return false
        return sendCommentEmail(email, composeCommentEmail(payload, payload.moderation), payload.comment.id)
      },
    }),
  }
}
