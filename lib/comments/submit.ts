import type { Db } from '@/lib/db'
import { hashClientAddress } from './client-address'
import { hashBody } from './hash'
import { decideStatus, type ModerationMode } from './moderation'
import { toPublicComment } from './public-comment'
import { decideRateLimit, type RateLimits, type RateScope } from './rate-limit'
import type { CommentInput } from './schema'
import {
  countRecentComments,
  findComment,
  findCommentByIdempotencyKey,
  hasRecentDuplicate,
  insertComment,
  lockCommentWrites,
} from './store'
import type { PublicComment, StoredComment } from './types'
import type { WebhookPayload } from './webhook'

/** The post a comment is for, as the use case needs it (`url` absolute, for the webhook). */
export type CommentedPost = { slug: string; title: string; url: string }

export type CommentSettings = {
  moderation: ModerationMode
  limits: RateLimits
  /** The same body from the same client on the same post within this window is a duplicate. */
  duplicateWindowSeconds: number
  webhook?: { url: string; timeoutMs: number } | undefined
}

/** Everything the use case touches, passed in: the route handler and the form action pass Next.js's; tests pass their own. */
export type SubmitDeps = {
  db: Db
  now: () => Date
  /** Runs work after the response has gone (Next.js's `after()`). */
  schedule: (task: () => Promise<unknown>) => void
  findPost: (slug: string) => CommentedPost | undefined
  settings: CommentSettings
  /** The key of the HMAC that turns client addresses into rate-limit keys. */
  addressKey: () => Promise<string>
  /** Marks the post's cached page stale once a comment readers can see was stored. */
  invalidate: (slug: string) => void
  notify: (url: string, payload: WebhookPayload, timeoutMs: number) => Promise<unknown>
}

export type SubmitResult =
  | { kind: 'created'; comment: PublicComment; isReplay: boolean }
  | { kind: 'not-found' }
  | { kind: 'idempotency-mismatch' }
  | { kind: 'invalid-parent' }
  | { kind: 'duplicate' }
  | { kind: 'rate-limited'; scope: RateScope; retryAfterSeconds: number }

type Failure = Exclude<SubmitResult, { kind: 'created' }>

const isSameComment = (previous: StoredComment, input: CommentInput) =>
  previous.slug === input.slug && previous.name === input.name && previous.body === input.body

/** One level of replies: a reply to a reply joins the thread of its top-level comment. */
function threadOf(parent: StoredComment | undefined, slug: string): number | undefined {
  if (!parent || parent.slug !== slug || parent.status !== 'published') return undefined
  return parent.parentId ?? parent.id
}

/**
 * Checks the post, decides moderation, and stores the comment under every limit. The checks and the
 * insert run in one transaction behind one lock, so they hold across every instance sharing the
 * database: one idempotency key stores one row, and a limit of 5 stores 5, not 6.
 */
export async function submitComment(deps: SubmitDeps, input: CommentInput, client: { address: string | undefined }): Promise<SubmitResult> {
  const post = deps.findPost(input.slug)
  if (!post) return { kind: 'not-found' }
  const { settings } = deps
  const status = decideStatus(input, settings.moderation)
  const clientHash = hashClientAddress(client.address, await deps.addressKey())
  const bodyHash = hashBody(input.body)

  const result = await deps.db.transaction(async (tx): Promise<SubmitResult> => {
    await lockCommentWrites(tx)
    if (input.idempotencyKey) {
      const previous = await findCommentByIdempotencyKey(tx, input.idempotencyKey)
      if (previous) {
        return isSameComment(previous, input)
          ? { kind: 'created', comment: toPublicComment(previous, 'author'), isReplay: true }
          : { kind: 'idempotency-mismatch' }
      }
    }
    let parentId: number | null = null
    if (input.parentId !== undefined) {
      const thread = threadOf(await findComment(tx, input.parentId), post.slug)
      if (thread === undefined) return { kind: 'invalid-parent' }
      parentId = thread
    }
    const now = deps.now()
    const since = (seconds: number) => new Date(now.getTime() - seconds * 1000)
    const scope = { clientHash, slug: post.slug }
    if (await hasRecentDuplicate(tx, { ...scope, bodyHash, since: since(settings.duplicateWindowSeconds) })) return { kind: 'duplicate' }
    const counts = await countRecentComments(tx, { ...scope, since: since(settings.limits.windowSeconds) })
    const decision = decideRateLimit(counts, settings.limits, now)
    if (!decision.isAllowed) return { kind: 'rate-limited', scope: decision.scope, retryAfterSeconds: decision.retryAfterSeconds }
    const stored = await insertComment(tx, {
      ...scope,
      parentId,
      name: input.name,
      body: input.body,
      status,
      bodyHash,
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
    })
    return { kind: 'created', comment: toPublicComment(stored, 'author'), isReplay: false }
  })

  if (result.kind === 'created' && !result.isReplay) afterCreated(deps, post, result.comment, status)
  return result
}

function afterCreated(deps: SubmitDeps, post: CommentedPost, comment: PublicComment, status: 'published' | 'pending' | 'spam') {
  if (status === 'published') deps.invalidate(post.slug)
  const webhook = deps.settings.webhook
  // Spam stays silent; the webhook runs after the response, so it can neither delay nor fail the post.
  if (webhook && status !== 'spam') {
    const payload: WebhookPayload = { event: 'comment.created', comment, post, isAwaitingModeration: status === 'pending' }
    deps.schedule(() => deps.notify(webhook.url, payload, webhook.timeoutMs))
  }
}

export type { Failure as SubmitFailure }
