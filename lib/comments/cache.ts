import 'server-only'
import { cacheLife, cacheTag } from 'next/cache'
import { DatabaseNotConfiguredError, DatabaseUnavailableError, getDb } from '@/lib/db'
import { renderComment } from './markdown'
import { toPublicComment } from './public-comment'
import { listVisibleComments } from './store'
import type { RenderedComment } from './types'

// The comments of a post as the cached page shows them. They are read once, kept until a write
// invalidates the post's tag (a new published comment, any moderation change), and served from the
// cache in between: a reader's view runs no query. See docs/decisions/comment-caching.md.

/** The cache tag of a post's comments: its page and `GET /api/comments` both carry it. */
export const commentsTag = (slug: string) => `comments:${slug}`

export type CommentsSnapshot =
  | { state: 'loaded'; comments: RenderedComment[] }
  /** The database could not be read: the page says so, and tries again soon. */
  | { state: 'unavailable' }
  /** No database on a host without a persistent disk (Vercel without DATABASE_URL). */
  | { state: 'not-configured' }
  /** Prerendered by `next build`, which never reads the database. */
  | { state: 'not-read' }

/**
 * What is not the truth must not stay long: a snapshot the build made without the database, or one
 * taken while the database was down, is refreshed in the background by the first view after
 * `revalidate` seconds. `expire` stays at 5 minutes, the shortest lifetime Next.js still prerenders
 * (a shorter one would turn the comments into a request-time hole again).
 */
const BUILD_LIFE = { stale: 30, revalidate: 1, expire: 300 }
const RETRY_LIFE = { stale: 30, revalidate: 30, expire: 300 }

const isBuild = () => process.env.NEXT_PHASE === 'phase-production-build'

export async function getCommentsSnapshot(slug: string): Promise<CommentsSnapshot> {
  'use cache'
  cacheTag(commentsTag(slug))
  if (isBuild()) {
    cacheLife(BUILD_LIFE)
    return { state: 'not-read' }
  }
  try {
    const comments = await listVisibleComments(await getDb(), slug)
    // Markdown is rendered here, once per change of the post's comments, not per view.
    const rendered = await Promise.all(comments.map((comment) => renderComment(toPublicComment(comment))))
    cacheLife('max')
    return { state: 'loaded', comments: rendered }
  } catch (error) {
    if (error instanceof DatabaseNotConfiguredError) {
      cacheLife('max')
      return { state: 'not-configured' }
    }
    if (error instanceof DatabaseUnavailableError) console.warn('[comments] could not load comments:', error.message)
    else console.error('[comments] could not load comments:', error)
    cacheLife(RETRY_LIFE)
    return { state: 'unavailable' }
  }
}
