import 'server-only'
import { randomBytes } from 'node:crypto'
import { after } from 'next/server'
import { getDb } from '@/lib/db'
import { getEnv } from '@/lib/env'
import { getPostBySlug } from '@/lib/posts'
import { site } from '@/lib/site'
import { hashClientAddress, resolveClientAddress } from './client-address'
import { hashBody } from './hash'
import { decideStatus } from './moderation'
import type { CommentInput } from './schema'
import { createComment, getSharedSecret, type CreateResult } from './store'
import { notifyWebhook } from './webhook'

export type SubmitResult = CreateResult | { kind: 'not-found' }

let addressKey: Promise<string> | undefined
let hasWarnedUnknownAddress = false
let hasWarnedSharedKey = false

async function getAddressKey(): Promise<string> {
  const { COMMENT_IP_SECRET, NODE_ENV } = getEnv()
  if (COMMENT_IP_SECRET) return COMMENT_IP_SECRET
  if (NODE_ENV === 'production' && !hasWarnedSharedKey) {
    hasWarnedSharedKey = true
    console.warn(
      '[comments] COMMENT_IP_SECRET is not set: client addresses are hashed with a random key kept in the database. ' +
        'Set COMMENT_IP_SECRET (32+ random characters) so that a copy of the database alone cannot be matched against addresses.',
    )
  }
  addressKey ??= getDb().then((db) => getSharedSecret(db, 'client_address_key', randomBytes(32).toString('hex')))
  addressKey.catch(() => {
    addressKey = undefined
  })
  return addressKey
}

/** Checks the post, keys the client, decides moderation and stores the comment (with every limit). */
export async function submitComment(input: CommentInput, headers: Headers): Promise<SubmitResult> {
  const post = getPostBySlug(input.slug)
  if (!post) return { kind: 'not-found' }
  const env = getEnv()
  const db = await getDb()
  const address = resolveClientAddress(headers, env.TRUST_PROXY_HOPS)
  if (!address && !hasWarnedUnknownAddress) {
    hasWarnedUnknownAddress = true
    console.warn('[comments] a request came without a usable client address; such requests share one rate limit. Check TRUST_PROXY_HOPS.')
  }
  const status = decideStatus(input, env.COMMENT_MODERATION)
  const result = await createComment(
    db,
    {
      slug: post.slug,
      parentId: input.parentId,
      name: input.name,
      body: input.body,
      status,
      clientHash: hashClientAddress(address, await getAddressKey()),
      bodyHash: hashBody(input.body),
      idempotencyKey: input.idempotencyKey,
    },
    {
      perClient: env.COMMENT_RATE_LIMIT,
      perPost: env.COMMENT_RATE_LIMIT_POST,
      perSite: env.COMMENT_RATE_LIMIT_SITE,
      windowSeconds: env.COMMENT_RATE_WINDOW_SECONDS,
    },
  )
  const webhookUrl = env.COMMENT_WEBHOOK_URL
  if (webhookUrl && result.kind === 'created' && !result.isReplay && status !== 'spam') {
    const payload = {
      event: 'comment.created' as const,
      comment: result.comment,
      post: { slug: post.slug, title: post.title, url: new URL(post.url, site.url).href },
      isAwaitingModeration: status === 'pending',
    }
    // After the response is sent: the webhook can neither delay nor fail the POST.
    after(() => notifyWebhook(webhookUrl, payload, env.COMMENT_WEBHOOK_TIMEOUT_MS))
  }
  return result
}
