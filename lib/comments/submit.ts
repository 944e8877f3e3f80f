import { createHash } from 'node:crypto'
import type { Db, Queryable } from '@/lib/db'
import { hashClientAddress } from './client-address'
import { createEditSecret, hashEditSecret } from './edit-secret'
import { hashBody } from './hash'
import { decideStatus, type ModerationMode } from './moderation'
import { toPublicComment } from './public-comment'
import { decideRateLimit, type RateLimits, type RateScope } from './rate-limit'
import type { CommentInput } from './schema'
import {
  countRecentComments,
  findComment,
  findCommentByIdempotencyKey,
  forgetWriterData,
  hasRecentDuplicate,
  insertComment,
  lockCommentWrites,
} from './store'
import type { CommentStatus, PublicComment, StoredComment } from './types'
import type { ModerationLinks } from './moderation-token'
import type { WebhookPayload } from './webhook'
import { insertWebhookDelivery } from './webhook-outbox'

/** The post a comment is for, as the use case needs it (`url` absolute, for the webhook). */
export type CommentedPost = { slug: string; title: string; url: string }

export type CommentSettings = {
  moderation: ModerationMode
  limits: RateLimits
  /** The same body from the same client on the same post within this window is a duplicate. */
  duplicateWindowSeconds: number
  /** How long the writer may edit or delete a comment with the secret its 201 carries (./edit.ts). */
  editWindowSeconds: number
  webhook?: { url: string; timeoutMs: number } | undefined
}

/**
 * Everything the use case touches, passed in: the route handler and the form action pass Next.js's;
 * tests pass their own.
 */
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
  /** Sends a webhook delivery stored in the outbox (./webhook-outbox.ts). */
  deliverWebhook: (deliveryId: number) => Promise<unknown>
  /** The signed moderation links of a new comment; undefined when links are off. */
  moderationLinks?: (commentId: number) => ModerationLinks | undefined
  /** Mails the author about a new comment (lib/comments/notify-email.ts); absent when e-mail is off. */
  notifyEmail?: (payload: WebhookPayload) => Promise<unknown>
}

/** The secret a new comment can be edited or deleted with, and until when. Never in a replay: only its hash is kept. */
export type EditGrant = { secret: string; until: string }

export type SubmitResult =
  | { kind: 'created'; comment: PublicComment; isReplay: boolean; edit?: EditGrant }
  | { kind: 'not-found' }
  | { kind: 'idempotency-mismatch' }
  | { kind: 'invalid-parent' }
  | { kind: 'duplicate' }
  | { kind: 'rate-limited'; scope: RateScope; retryAfterSeconds: number }

type Failure = Exclude<SubmitResult, { kind: 'created' }>

/** How long an idempotency key is honoured: a client retrying later has given up on the first try. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 3600

/**
 * An idempotency key belongs to the client that sent it and to the post: the stored key is a hash of
 * the three, so another client sending the same key (by chance, or to squat it) never meets it.
 */
const scopeKey = (clientHash: string, slug: string, key: string) =>
  createHash('sha256').update(`${clientHash}\n${slug}\n${key}`).digest('hex')

/**
 * The rows a new comment is counted with for the per-post and per-site limits: comments nobody
 * sees (held, or caught by the honeypot) have budgets of their own, so they can never lock readers
 * out of a post. The per-client limit counts everything the client sent.
 */
const budgetOf = (status: 'published' | 'pending' | 'spam'): CommentStatus[] => [status]

const isSameComment = (previous: StoredComment, input: CommentInput) =>
  previous.slug === input.slug && previous.name === input.name && previous.body === input.body

/** One level of replies: a reply to a reply joins the thread of its top-level comment. */
function threadOf(parent: StoredComment | undefined, slug: string): number | undefined {
  if (!parent || parent.slug !== slug || parent.status !== 'published') return undefined
  return parent.parentId ?? parent.id
}

type Attempt = {
  post: CommentedPost
  input: CommentInput
  status: 'published' | 'pending' | 'spam'
  clientHash: string
  bodyHash: string
  scopedKey: string | undefined
  now: Date
}

/** The answer to a key already used by this client on this post: its comment, or a mismatch. */
async function findReplay(db: Queryable, attempt: Attempt): Promise<SubmitResult | undefined> {
  if (!attempt.scopedKey) return undefined
  const since = new Date(attempt.now.getTime() - IDEMPOTENCY_WINDOW_SECONDS * 1000)
  const previous = await findCommentByIdempotencyKey(db, attempt.scopedKey, since)
  if (!previous) return undefined
  return isSameComment(previous, attempt.input)
    ? { kind: 'created', comment: toPublicComment(previous, 'author'), isReplay: true }
    : { kind: 'idempotency-mismatch' }
}

/**
 * The checks that can refuse a comment without writing: a replayed or reused key, a parent that is
 * not there, a duplicate, a limit; else the thread the comment joins. Run once before the write lock
 * (so a flood of refused requests never queues for it) and again under it (the answer that counts,
 * across every instance).
 */
async function check(
  db: Queryable,
  settings: CommentSettings,
  attempt: Attempt,
): Promise<SubmitResult | { kind: 'allowed'; parentId: number | null }> {
  const { input, clientHash, now } = attempt
  const since = (seconds: number) => new Date(now.getTime() - seconds * 1000)
  const replay = await findReplay(db, attempt)
  if (replay) return replay
  let parentId: number | null = null
  if (input.parentId !== undefined) {
    const thread = threadOf(await findComment(db, input.parentId), attempt.post.slug)
    if (thread === undefined) return { kind: 'invalid-parent' }
    parentId = thread
  }
  const scope = { clientHash, slug: attempt.post.slug }
  if (
    await hasRecentDuplicate(db, {
      ...scope,
      bodyHash: attempt.bodyHash,
      since: since(settings.duplicateWindowSeconds),
    })
  )
    return { kind: 'duplicate' }
  const counts = await countRecentComments(db, {
    ...scope,
    since: since(settings.limits.windowSeconds),
    statuses: budgetOf(attempt.status),
  })
  const decision = decideRateLimit(counts, settings.limits, now)
  if (!decision.isAllowed)
    return { kind: 'rate-limited', scope: decision.scope, retryAfterSeconds: decision.retryAfterSeconds }
  return { kind: 'allowed', parentId }
}

/**
 * Checks the post, decides moderation, and stores the comment under every limit. The checks and the
 * insert run in one transaction behind one lock, so they hold across every instance sharing the
 * database: one idempotency key stores one row, and a limit of 5 stores 5, not 6.
 */
export async function submitComment(
  deps: SubmitDeps,
  input: CommentInput,
  client: { address: string | undefined },
): Promise<SubmitResult> {
  const post = deps.findPost(input.slug)
  if (!post) return { kind: 'not-found' }
  const { settings } = deps
  const clientHash = hashClientAddress(client.address, await deps.addressKey())
  const attempt: Attempt = {
    post,
    input,
    status: decideStatus(input, settings.moderation),
    clientHash,
    bodyHash: hashBody(input.body),
    scopedKey: input.idempotencyKey === undefined ? undefined : scopeKey(clientHash, post.slug, input.idempotencyKey),
    now: deps.now(),
  }
  const early = await check(deps.db, settings, attempt)
  // Outside the lock, a request with the same key may have stored its comment between this one's
  // key lookup and its later checks, which then see that comment as a duplicate: a refusal is
  // final only once the key is looked up again (one query; the refusal still never takes the lock).
  if (early.kind === 'created') return early
  if (early.kind !== 'allowed') return (await findReplay(deps.db, attempt)) ?? early

  let deliveryId: number | undefined
  let notice: WebhookPayload | undefined
  const result = await deps.db.transaction(async (tx): Promise<SubmitResult> => {
    await lockCommentWrites(tx)
    const checked = await check(tx, settings, attempt)
    if (checked.kind !== 'allowed') return checked
    await forgetWriterData(tx, writerDataExpiry(settings, attempt.now))
    const secret = createEditSecret()
    const stored = await insertComment(tx, {
      slug: post.slug,
      parentId: checked.parentId,
      name: input.name,
      body: input.body,
      status: attempt.status,
      clientHash,
      bodyHash: attempt.bodyHash,
      idempotencyKey: attempt.scopedKey,
      createdAt: attempt.now,
      editSecretHash: hashEditSecret(secret),
    })
    const comment = toPublicComment(stored, 'author')
    // Spam stays silent. The webhook's delivery is stored with the comment, so neither is kept without
    // the other; the e-mail carries the same links, after the response.
    if (attempt.status !== 'spam' && (settings.webhook || deps.notifyEmail)) {
      const moderation = deps.moderationLinks?.(stored.id)
      notice = {
        event: 'comment.created',
        comment,
        post,
        isAwaitingModeration: attempt.status === 'pending',
        ...(moderation && { moderation }),
      }
      if (settings.webhook) deliveryId = await insertWebhookDelivery(tx, stored.id, notice, attempt.now)
    }
    const until = new Date(attempt.now.getTime() + settings.editWindowSeconds * 1000).toISOString()
    return { kind: 'created', comment, isReplay: false, edit: { secret, until } }
  })

  if (result.kind === 'created' && !result.isReplay) {
    if (attempt.status === 'published') deps.invalidate(post.slug)
    // After the response, so the receiver can neither delay nor fail the post.
    const id = deliveryId
    if (id !== undefined) deps.schedule(() => deps.deliverWebhook(id))
    const { notifyEmail } = deps
    const payload = notice
    if (notifyEmail && payload) deps.schedule(() => notifyEmail(payload))
  }
  return result
}

/** An address hash is kept as long as a window compares it, not a moment longer; a key for its lifetime. */
function writerDataExpiry(settings: CommentSettings, now: Date) {
  const longestWindow = Math.max(settings.limits.windowSeconds, settings.duplicateWindowSeconds)
  return {
    clientHash: new Date(now.getTime() - longestWindow * 1000),
    idempotencyKey: new Date(now.getTime() - IDEMPOTENCY_WINDOW_SECONDS * 1000),
  }
}

export type { Failure as SubmitFailure }
