import 'server-only'
import { cacheLife, cacheTag, revalidateTag } from 'next/cache'
import { isBuildPhase } from '@/lib/build-config'
import { DatabaseNotConfiguredError, DatabaseUnavailableError, getDb, type Queryable } from '@/lib/db'
import { renderComment } from './markdown'
import { toPublicComment } from './public-comment'
import { countPublishedComments, listRecentPublishedComments, listVisibleComments } from './store'
import type { RenderedComment, StoredComment } from './types'

// The comments of a post as the cached page shows them. They are read once, kept until a write
// invalidates the post's tag (a new published comment, any moderation change), and served from the
// cache in between: a reader's view runs no query. See docs/decisions/0004-comments-cached-with-the-page.md.
// The post lists' comment counts and the author's feed of new comments (/comments.xml) are cached
// too: a count with a tag of its own, the feed with the site-wide `comments` tag.

/** The cache tag of a post's comments: its page and `GET /api/comments` carry it. */
export const commentsTag = (slug: string) => `comments:${slug}`

/** The tag of a post's comment count: every list showing the post (home, blog pages, tags, archive) carries it. */
export const commentCountTag = (slug: string) => `comment-count:${slug}`

/** The tag of what lists every post's comments: the feed of new comments. */
export const ALL_COMMENTS_TAG = 'comments'

/** How a tag is expired at once: `updateTag` in a Server Action, `revalidateTag(tag, { expire: 0 })` elsewhere. */
export type ExpireTag = (tag: string) => void
const expireWithRevalidateTag: ExpireTag = (tag) => revalidateTag(tag, { expire: 0 })

/**
 * Invalidates what a change to a post's comments changes (a new published comment, an edit, any
 * moderation change), on every instance sharing the cache:
 * - expired at once, so the next view renders from the database: the post's page and
 *   `GET /api/comments` (a reader who posts sees the comment on the page they come back to; the
 *   'max' profile would serve the old page once more) and the feed of new comments;
 * - stale, so the next view of a list is served from the cache once more while it renders again
 *   in the background: the post's count in the lists. A flood of comments then never makes a
 *   reader of the home page wait for a render (e2e/comments-load.spec.ts), and a count is one
 *   view behind at most.
 */
export function invalidateComments(slug: string, expire: ExpireTag = expireWithRevalidateTag): void {
  expire(commentsTag(slug))
  expire(ALL_COMMENTS_TAG)
  revalidateTag(commentCountTag(slug), 'max')
}

type Unread =
  /** The database could not be read: the page says so, and tries again soon. */
  | { state: 'unavailable' }
  /** No database on a host without a persistent disk (Vercel without DATABASE_URL). */
  | { state: 'not-configured' }
  /** Prerendered by `next build`, which never reads the database. */
  | { state: 'not-read' }

export type CommentsSnapshot = { state: 'loaded'; comments: RenderedComment[] } | Unread

/**
 * What is not the truth must not stay long: a snapshot the build made without the database, or one
 * taken while the database was down, is refreshed in the background by the first view after
 * `revalidate` seconds. `expire` stays at 5 minutes, the shortest lifetime Next.js still prerenders
 * (a shorter one would turn the comments into a request-time hole again).
 */
const BUILD_LIFE = { stale: 30, revalidate: 1, expire: 300 }
const RETRY_LIFE = { stale: 30, revalidate: 30, expire: 300 }

/** Runs `read` inside a 'use cache' scope and sets the entry's life by what happened (see above). */
async function readForCache<T>(
  what: string,
  read: (db: Queryable) => Promise<T>,
): Promise<{ state: 'loaded'; value: T } | Unread> {
  if (isBuildPhase()) {
    cacheLife(BUILD_LIFE)
    return { state: 'not-read' }
  }
  try {
    const value = await read(await getDb())
    cacheLife('max')
    return { state: 'loaded', value }
  } catch (error) {
    if (error instanceof DatabaseNotConfiguredError) {
      cacheLife('max')
      return { state: 'not-configured' }
    }
    if (error instanceof DatabaseUnavailableError) console.warn(`[comments] could not load ${what}:`, error.message)
    else console.error(`[comments] could not load ${what}:`, error)
    cacheLife(RETRY_LIFE)
    return { state: 'unavailable' }
  }
}

export async function getCommentsSnapshot(slug: string): Promise<CommentsSnapshot> {
  'use cache'
  cacheTag(commentsTag(slug))
  // Markdown is rendered here, once per change of the post's comments, not per view.
  const read = await readForCache('comments', async (db) =>
    Promise.all((await listVisibleComments(db, slug)).map((comment) => renderComment(toPublicComment(comment)))),
  )
  return read.state === 'loaded' ? { state: 'loaded', comments: read.value } : read
}

/** A post's published comments, for the post lists; undefined when unknown (at build, or the database is down). */
export async function getCommentCount(slug: string): Promise<number | undefined> {
  'use cache'
  cacheTag(commentCountTag(slug))
  const read = await readForCache('a comment count', (db) => countPublishedComments(db, slug))
  return read.state === 'loaded' ? read.value : undefined
}

/** How many comments the feed of new comments carries. */
export const RECENT_COMMENTS_SIZE = 50

/** The site's newest published comments, for /comments.xml. */
export async function getRecentComments(): Promise<{ state: 'loaded'; comments: StoredComment[] } | Unread> {
  'use cache'
  cacheTag(ALL_COMMENTS_TAG)
  const read = await readForCache('the recent comments', (db) => listRecentPublishedComments(db, RECENT_COMMENTS_SIZE))
  return read.state === 'loaded' ? { state: 'loaded', comments: read.value } : read
}
