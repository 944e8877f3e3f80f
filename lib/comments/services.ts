import 'server-only'
import { randomBytes } from 'node:crypto'
import { after } from 'next/server'
import type { Config } from '@/lib/config'
import { getDb } from '@/lib/db'
import { getPostBySlug } from '@/lib/posts'
import { getAbsoluteUrl } from '@/lib/site'
import { resolveClientAddress } from './client-address'
import { createModerationLinks } from './moderation-token'
import { composeCommentEmail, sendCommentEmail, shouldEmail, type EmailSettings } from './notify-email'
import { getSharedSecret } from './store'
import type { SubmitDeps } from './submit'
import { getWebhookDeliveryDeps } from './webhook-redelivery'
import { deliverWebhook } from './webhook-outbox'

// The use case's dependencies as the running site provides them: the process's database, the wall
// clock, Next.js's after(), the published posts and the configuration the caller passes in
// (getConfig(), lib/config.ts). The route handler and the form action build them here; tests build
// their own.

const DUPLICATE_WINDOW_SECONDS = 600

let addressKey: Promise<string> | undefined
let hasWarnedUnknownAddress = false

/** COMMENT_IP_SECRET, else a random key kept in the database (instrumentation.ts warns about it at start-up). */
async function getAddressKey(ipSecret: string | undefined): Promise<string> {
  if (ipSecret) return ipSecret
  addressKey ??= getDb().then((db) => getSharedSecret(db, 'client_address_key', randomBytes(32).toString('hex')))
  addressKey.catch(() => {
    addressKey = undefined
  })
  return addressKey
}

/** The client a rate limit keys on, from the request's headers (see TRUST_PROXY_HOPS). */
export function clientOf(headers: Headers, config: Pick<Config, 'comments'>): { address: string | undefined } {
  const address = resolveClientAddress(headers, config.comments.trustProxyHops, config.comments.peerAddressSecret)
  if (!address && !hasWarnedUnknownAddress) {
    hasWarnedUnknownAddress = true
    console.warn(
      '[comments] a request came without a usable client address; such requests share one rate limit. ' +
        'Check TRUST_PROXY_HOPS.',
    )
  }
  return { address }
}

/** The e-mail settings when SMTP_URL, COMMENT_NOTIFY_EMAIL and a moderation key are all set (else e-mail is off). */
export function getEmailSettings({ linkKey, mail }: Config['moderation']): EmailSettings | undefined {
  if (!mail.smtpUrl || !mail.to || !linkKey) return undefined
  return { smtpUrl: mail.smtpUrl, to: mail.to, from: mail.from ?? mail.to, mode: mail.mode }
}

/** `invalidate` differs by caller: a route handler revalidates the post's tag, a Server Action updates it. */
export async function getCommentServices(
  config: Pick<Config, 'site' | 'comments' | 'moderation'>,
  invalidate: SubmitDeps['invalidate'],
): Promise<SubmitDeps> {
  const { moderation, limits, webhook, editWindowSeconds, ipSecret } = config.comments
  const db = await getDb()
  const delivery = getWebhookDeliveryDeps(db, config.comments)
  const { linkKey } = config.moderation
  const email = getEmailSettings(config.moderation)
  return {
    db,
    now: () => new Date(),
    schedule: (task) => after(task),
    findPost: (slug) => {
      const post = getPostBySlug(slug)
      return post && { slug: post.slug, title: post.title, url: getAbsoluteUrl(post.url, config.site.url) }
    },
    settings: { moderation, limits, webhook, editWindowSeconds, duplicateWindowSeconds: DUPLICATE_WINDOW_SECONDS },
    addressKey: () => getAddressKey(ipSecret),
    invalidate,
    deliverWebhook: async (id) => delivery && deliverWebhook(delivery, id, delivery.policy.attemptsAfterResponse),
    moderationLinks: (commentId) =>
      linkKey ? createModerationLinks(linkKey, config.site.url, commentId, new Date()) : undefined,
    ...(email && {
      notifyEmail: async (payload) => {
        if (!payload.moderation || !shouldEmail(payload, email.mode)) return false
        return sendCommentEmail(email, composeCommentEmail(payload, payload.moderation), payload.comment.id)
      },
    }),
  }
}
