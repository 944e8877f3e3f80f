import type { Queryable } from '@/lib/db'
import { matchesEditSecret } from './edit-secret'
import { hashBody } from './hash'
import { findLinks } from './links'
import { decideStatus, hasLink, type ModerationMode } from './moderation'
import { toPublicComment } from './public-comment'
import { findEditableComment, lockCommentWrites, setCommentStatus, updateCommentText } from './store'
import type { SubmitDeps } from './submit'
import type { CommentStatus, PublicComment, StoredComment } from './types'
import type { WebhookPayload } from './webhook'
import { insertWebhookDelivery } from './webhook-outbox'

// A writer's own changes to their comment (issue 12): with the secret the POST's answer carried, for
// `editWindowSeconds` after posting. An edit goes through the checks a new comment does (the text
// rules in the schema, link moderation here) and rebuilds the post's cached page like one.

export type EditDeps = Pick<
  SubmitDeps,
  'db' | 'now' | 'schedule' | 'findPost' | 'settings' | 'invalidate' | 'deliverWebhook'
>

/** The text after the schema normalised it; a comment keeps its name when none is sent. */
export type CommentEditInput = { name?: string | undefined; body: string }

/** Every edit rebuilds the post's cached page: a writer fixes a typo a few times, not a hundred. */
export const MAX_EDITS_PER_COMMENT = 10

export type EditFailure =
  { kind: 'not-found' } | { kind: 'forbidden' } | { kind: 'window-closed'; until: string } | { kind: 'edit-limit' }

export type EditResult = { kind: 'edited'; comment: PublicComment; until: string; isChanged: boolean } | EditFailure
export type DeleteResult = { kind: 'deleted'; id: number } | EditFailure

type Editable = NonNullable<Awaited<ReturnType<typeof findEditableComment>>>

const untilOf = (comment: StoredComment, windowSeconds: number) =>
  new Date(Date.parse(comment.createdAt) + windowSeconds * 1000)

/**
 * The comment, if this secret may change it now. A wrong secret is refused before the window is
 * looked at, so a stranger learns nothing about the comment; a removed comment (or one whose post is
 * gone) is not there.
 */
async function authorize(
  deps: EditDeps,
  db: Queryable,
  id: number,
  secret: string,
): Promise<{ kind: 'allowed'; comment: Editable; until: Date } | EditFailure> {
  const comment = await findEditableComment(db, id)
  if (!comment || comment.status === 'deleted' || !deps.findPost(comment.slug)) return { kind: 'not-found' }
  if (!matchesEditSecret(secret, comment.secretHash)) return { kind: 'forbidden' }
  const until = untilOf(comment, deps.settings.editWindowSeconds)
  if (deps.now().getTime() >= until.getTime()) return { kind: 'window-closed', until: until.toISOString() }
  return { kind: 'allowed', comment, until }
}

const linksOf = (text: { name: string; body: string }) => [...findLinks(text.name), ...findLinks(text.body)]

/**
 * The status an edited text gets: what a new comment with that text would get, except that a
 * published comment keeps the links a moderator (or the rules when it was posted) already let
 * through. A new link is held again; so is any change under `all`. Spam stays spam, silently.
 */
export function decideEditStatus(
  previous: Pick<StoredComment, 'name' | 'body' | 'status'>,
  next: { name: string; body: string },
  mode: ModerationMode,
): CommentStatus {
  if (previous.status === 'spam') return 'spam'
  if (decideStatus(next, mode) === 'published') return 'published'
  if (previous.status !== 'published' || mode === 'all') return 'pending'
  const hadLink = hasLink(previous.body) || hasLink(previous.name)
  const before = new Set(linksOf(previous))
  const isNewLink = !hadLink || linksOf(next).some((link) => !before.has(link))
  return isNewLink ? 'pending' : 'published'
}

export async function editComment(
  deps: EditDeps,
  id: number,
  secret: string,
  input: CommentEditInput,
): Promise<EditResult> {
  const early = await authorize(deps, deps.db, id, secret)
  if (early.kind !== 'allowed') return early
  let deliveryId: number | undefined
  const result = await deps.db.transaction(async (tx): Promise<EditResult & { previous?: StoredComment }> => {
    await lockCommentWrites(tx)
    const checked = await authorize(deps, tx, id, secret)
    if (checked.kind !== 'allowed') return checked
    const { comment: previous, until } = checked
    const next = { name: input.name ?? previous.name, body: input.body }
    if (next.name === previous.name && next.body === previous.body) {
      return {
        kind: 'edited',
        comment: toPublicComment(previous, 'author'),
        until: until.toISOString(),
        isChanged: false,
      }
    }
    if (previous.editCount >= MAX_EDITS_PER_COMMENT) return { kind: 'edit-limit' }
    const status = decideEditStatus(previous, next, deps.settings.moderation)
    const now = deps.now()
    const stored = await updateCommentText(tx, id, { ...next, bodyHash: hashBody(next.body), status, editedAt: now })
    if (!stored) return { kind: 'not-found' }
    const comment = toPublicComment(stored, 'author')
    const post = deps.findPost(previous.slug)
    if (deps.settings.webhook && post && status === 'pending' && previous.status === 'published') {
      // Held again: the moderator hears of it as of a new held comment, through the outbox like one.
      const payload: WebhookPayload = { event: 'comment.edited', comment, post, isAwaitingModeration: true }
      deliveryId = await insertWebhookDelivery(tx, stored.id, payload, now)
    }
    return { kind: 'edited', comment, until: until.toISOString(), isChanged: true, previous }
  })
  if (result.kind !== 'edited' || !result.previous) return result
  const { previous, ...edited } = result
  const status = edited.comment.status
  // Readers saw it before or see it now: the post's page (and its count, and the feed) must change.
  if (previous.status === 'published' || status === 'published') deps.invalidate(previous.slug)
  const delivery = deliveryId
  if (delivery !== undefined) deps.schedule(() => deps.deliverWebhook(delivery))
  return edited
}

/** Removes the comment as a moderator's delete does: it keeps its place (and its replies) as "Comment deleted." */
export async function deleteOwnComment(deps: EditDeps, id: number, secret: string): Promise<DeleteResult> {
  const early = await authorize(deps, deps.db, id, secret)
  if (early.kind !== 'allowed') return early
  const result = await deps.db.transaction(
    async (tx): Promise<DeleteResult & { wasPublished?: boolean; slug?: string }> => {
      await lockCommentWrites(tx)
      const checked = await authorize(deps, tx, id, secret)
      if (checked.kind !== 'allowed') return checked
      await setCommentStatus(tx, id, 'deleted')
      return { kind: 'deleted', id, wasPublished: checked.comment.status === 'published', slug: checked.comment.slug }
    },
  )
  if (result.kind !== 'deleted') return result
  if (result.wasPublished && result.slug) deps.invalidate(result.slug)
  return { kind: 'deleted', id }
}
