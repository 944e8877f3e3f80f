import type { PublicComment } from './types'

export type CommentThread<T extends PublicComment = PublicComment> = T & { replies: T[] }

/**
 * Top-level comments in order, each with its replies in order. A reply whose parent is not in
 * the list (hidden by a moderator without replies left visible) is shown at the top level rather than lost.
 */
export function buildThreads<T extends PublicComment>(comments: readonly T[]): CommentThread<T>[] {
  const threads = new Map<number, CommentThread<T>>()
  const order: CommentThread<T>[] = []
  for (const comment of comments) {
    if (comment.parentId !== null) continue
    const thread = { ...comment, replies: [] }
    threads.set(comment.id, thread)
    order.push(thread)
  }
  for (const comment of comments) {
    if (comment.parentId === null) continue
    const parent = threads.get(comment.parentId)
    if (parent) parent.replies.push(comment)
    else order.push({ ...comment, replies: [] })
  }
  return order.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
}

/** The heading's count, "0 comments", "1 comment", "3 comments": removed placeholders are not counted. */
export function countLabel(comments: readonly PublicComment[]): string {
  const count = comments.filter((comment) => comment.status === 'published').length
  return count === 1 ? '1 comment' : `${count} comments`
}
