import { readAuthor, readLabels, toBloggerId, type BloggerComment, type BloggerPost, type Entry } from './types'

/** `http://schemas.google.com/blogger/2008/kind#post` → `post`. */
function readKind(entry: Entry): string | undefined {
  const term = entry.category.find((category) => category.scheme?.endsWith('/g/2005#kind'))?.term
  return term?.slice(term.lastIndexOf('#') + 1)
}

function pathOf(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined
  return new URL(url).pathname
}

/** A reply links its parent as `…/feeds/<blog>/<post>/comments/default/<parent id>`. */
function readParentComment(entry: Entry): string | undefined {
  const href = entry.link.find((link) => link.rel === 'related')?.href
  const segment = pathOf(href)?.split('/').pop()
  return segment ? segment : undefined
}

/** The entries of a classic Blogger export: a `…/g/2005#kind` category says what each one is. */
export function readClassicEntries(entries: readonly Entry[]) {
  const posts: BloggerPost[] = []
  const comments: BloggerComment[] = []
  let otherEntries = 0
  for (const entry of entries) {
    const kind = readKind(entry)
    const isDraft = entry.control?.draft?.toLowerCase() === 'yes'
    if (kind === 'post' || kind === 'page') {
      posts.push({
        id: toBloggerId(entry.id),
        kind,
        // The classic export has no trash: trashed posts were not exported.
        status: isDraft ? 'draft' : 'live',
        bloggerStatus: isDraft ? 'DRAFT' : 'LIVE',
        title: entry.title ?? '',
        html: entry.content ?? '',
        published: entry.published || undefined,
        updated: entry.updated || undefined,
        labels: readLabels(entry),
        path: isDraft ? undefined : pathOf(entry.link.find((link) => link.rel === 'alternate')?.href),
      })
    } else if (kind === 'comment' && entry['in-reply-to'][0]?.['@_ref']) {
      const isRemoved = entry.extendedProperty.some(
        (property) => property['@_name'] === 'blogger.contentRemoved' && property['@_value'] === 'true',
      )
      comments.push({
        id: toBloggerId(entry.id),
        postId: toBloggerId(entry['in-reply-to'][0]['@_ref']),
        parentId: readParentComment(entry),
        author: readAuthor(entry),
        html: entry.content ?? '',
        published: entry.published || entry.updated || '',
        isLive: !isDraft && !isRemoved,
        bloggerStatus: isRemoved ? 'REMOVED' : isDraft ? 'DRAFT' : 'LIVE',
      })
    } else {
      otherEntries++
    }
  }
  return { posts, comments, otherEntries }
}
