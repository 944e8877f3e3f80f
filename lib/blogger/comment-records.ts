// The form's limits, which the comments table enforces too (lib/db/migrations/0001_comments.sql), in code points.
import { BODY_MAX, NAME_MAX } from '../comments/text'
import { commentHtmlToText } from './comment-text'
import type { BloggerComment } from './types'

/** A Blogger comment ready for the store, before it has an id. */
export type PreparedComment = {
  bloggerId: string
  /** The top-level comment it replies to: the site shows one level of replies. */
  parentBloggerId: string | undefined
  slug: string
  name: string
  body: string
  createdAt: string
}

/** One line of `npm run comments -- export`, the shape `import` takes (StoredComment). */
export type CommentRecord = {
  id: number
  slug: string
  parentId: number | null
  name: string
  body: string
  status: 'published'
  createdAt: string
}

export type ExistingComment = Pick<CommentRecord, 'id' | 'slug' | 'name' | 'body' | 'createdAt'>

export type CommentPlan = {
  comments: PreparedComment[]
  leftOut: Array<{ bloggerId: string; reason: string }>
  notes: string[]
}

const truncate = (text: string, max: number) => {
  const points = Array.from(text)
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : text
}

// Line breaks, text-direction marks and the like have no place in a name (lib/comments/text.ts).
const cleanName = (name: string) =>
  name
    .replace(/[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, ' ')
    .replace(/\s+/g, ' ')
    .normalize('NFC')
    .trim()

/**
 * Blogger comments as the store's comments: on imported posts only, live ones only (deleted and
 * other statuses are left out), replies attached to the top-level comment of their thread. A
 * reply to a left-out comment moves up to the nearest live comment above it, or to the top level.
 */
export function prepareComments(
  comments: readonly BloggerComment[],
  slugByPostId: ReadonlyMap<string, string>,
): CommentPlan {
  const byId = new Map(comments.map((comment) => [comment.id, comment]))
  const plan: CommentPlan = { comments: [], leftOut: [], notes: [] }

  // Classic exports point some replies at the comment (not the post) with thr:in-reply-to.
  const chainOf = (comment: BloggerComment): BloggerComment[] => {
    const chain: BloggerComment[] = []
    const seen = new Set([comment.id])
    let parentId = comment.parentId ?? (byId.has(comment.postId) ? comment.postId : undefined)
    for (
      let parent = parentId ? byId.get(parentId) : undefined;
      parent && !seen.has(parent.id);
      parent = parentId ? byId.get(parentId) : undefined
    ) {
      seen.add(parent.id)
      chain.push(parent)
      parentId = parent.parentId ?? (byId.has(parent.postId) ? parent.postId : undefined)
    }
    return chain
  }

  for (const comment of comments) {
    const chain = chainOf(comment)
    const root = chain[chain.length - 1] ?? comment
    const slug = slugByPostId.get(root.postId)
    const createdAt = Date.parse(comment.published)
    const body = commentHtmlToText(comment.html)
    const leaveOut = (reason: string) => plan.leftOut.push({ bloggerId: comment.id, reason })
    if (!comment.isLive) leaveOut(`deleted (${comment.bloggerStatus})`)
    else if (!slug) leaveOut(`its post ${root.postId} is not imported (a trashed post, a page or missing)`)
    else if (Number.isNaN(createdAt)) leaveOut('it has no date')
    else if (body === '') leaveOut('it has no text')
    else {
      const name = cleanName(comment.author) || 'Anonymous'
      if (Array.from(body).length > BODY_MAX)
        plan.notes.push(`comment ${comment.id}: text shortened to ${BODY_MAX} characters`)
      if (Array.from(name).length > NAME_MAX)
        plan.notes.push(`comment ${comment.id}: name shortened to ${NAME_MAX} characters`)
      const topLevel = chain.filter((ancestor) => ancestor.isLive).pop()
      plan.comments.push({
        bloggerId: comment.id,
        parentBloggerId: topLevel?.id,
        slug,
        name: truncate(name, NAME_MAX),
        body: truncate(body, BODY_MAX),
        createdAt: new Date(createdAt).toISOString(),
      })
    }
  }
  plan.comments.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.bloggerId.localeCompare(b.bloggerId))
  return plan
}

const keyOf = (comment: Pick<CommentRecord, 'slug' | 'name' | 'body' | 'createdAt'>) =>
  JSON.stringify([comment.slug, new Date(comment.createdAt).toISOString(), comment.name, comment.body])

/**
 * Gives the prepared comments store ids. A comment already stored (same post, time, name and
 * text: imported by an earlier run) keeps its id and is not returned again, so a second import
 * adds nothing; new ones are numbered after the highest id in use, so no site comment is touched.
 */
export function assignCommentIds(prepared: readonly PreparedComment[], existing: readonly ExistingComment[]) {
  const existingIds = new Map<string, number[]>()
  for (const comment of existing)
    existingIds.set(keyOf(comment), [...(existingIds.get(keyOf(comment)) ?? []), comment.id])
  let nextId = existing.reduce((max, comment) => Math.max(max, comment.id), 0) + 1
  const idByBloggerId = new Map<string, number>()
  const fresh: PreparedComment[] = []
  for (const comment of prepared) {
    const stored = existingIds.get(keyOf(comment))?.shift()
    if (stored === undefined) fresh.push(comment)
    idByBloggerId.set(comment.bloggerId, stored ?? nextId++)
  }
  const records: CommentRecord[] = fresh.map((comment) => ({
    id: idByBloggerId.get(comment.bloggerId) ?? 0,
    slug: comment.slug,
    parentId: comment.parentBloggerId ? (idByBloggerId.get(comment.parentBloggerId) ?? null) : null,
    name: comment.name,
    body: comment.body,
    status: 'published',
    createdAt: comment.createdAt,
  }))
  return { records, alreadyPresent: prepared.length - fresh.length }
}
