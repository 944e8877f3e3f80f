import { readAuthor, readLabels, toBloggerId, type BloggerComment, type BloggerPost, type Entry } from './types'

const postStatuses: Record<string, BloggerPost['status']> = { LIVE: 'live', DRAFT: 'draft', SOFT_TRASHED: 'trashed' }

/** The entries of a Takeout `feed.atom`: `blogger:type` says what each one is. */
export function readTakeoutEntries(entries: readonly Entry[]) {
  const posts: BloggerPost[] = []
  const comments: BloggerComment[] = []
  let otherEntries = 0
  for (const entry of entries) {
    const type = entry.type?.toUpperCase()
    const bloggerStatus = entry.status?.toUpperCase() ?? 'LIVE'
    if (type === 'POST' || type === 'PAGE') {
      posts.push({
        id: toBloggerId(entry.id),
        kind: type === 'POST' ? 'post' : 'page',
        // Anything else (SCHEDULED, or a status Blogger adds later) is kept out of the site as a draft.
        status: postStatuses[bloggerStatus] ?? 'draft',
        bloggerStatus,
        title: entry.title ?? '',
        html: entry.content ?? '',
        published: entry.published || entry.created || undefined,
        updated: entry.updated || undefined,
        labels: readLabels(entry),
        path: entry.filename?.startsWith('/') ? entry.filename : undefined,
      })
    } else if (type === 'COMMENT' && entry.parent) {
      comments.push({
        id: toBloggerId(entry.id),
        postId: toBloggerId(entry.parent),
        parentId: entry.inReplyTo ? toBloggerId(entry.inReplyTo) : undefined,
        author: readAuthor(entry),
        html: entry.content ?? '',
        published: entry.published || entry.created || entry.updated || '',
        isLive: bloggerStatus === 'LIVE',
        bloggerStatus,
      })
    } else {
      otherEntries++
    }
  }
  return { posts, comments, otherEntries }
}
