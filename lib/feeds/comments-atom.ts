import { escapeXml, xmlElement } from './xml'

// The author's feed of new comments (/comments.xml): one Atom entry per published comment, linking
// to the comment on its post. The content is the comment as the page shows it: its Markdown rendered
// and sanitized by lib/comments/markdown.ts (type="html", escaped like everything else), or the
// source as plain text (type="text") when no rendering is given.

export type CommentFeedComment = {
  id: number
  name: string
  body: string
  /** The sanitized HTML the page shows for `body`. */
  html?: string | undefined
  createdAt: string
  editedAt?: string | null | undefined
  /** The post it is under, with its absolute URL. */
  post: { title: string; url: string }
}

export type CommentFeed = {
  title: string
  language: string
  /** Absolute URLs of the site and of the feed itself. */
  homeUrl: string
  selfUrl: string
  comments: readonly CommentFeedComment[]
}

const link = (rel: string, type: string, href: string) =>
  `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`

/** The permanent address of a comment: where the post page shows it. */
export const commentUrl = (postUrl: string, id: number) => `${postUrl}#comment-${id}`

/** Atom 1.0 (RFC 4287). `updated` is the newest entry's time, so the feed changes only with its comments. */
export function buildCommentsAtom(feed: CommentFeed): string {
  const updatedOf = (comment: CommentFeedComment) => comment.editedAt ?? comment.createdAt
  const entries = feed.comments.map((comment) => {
    const url = commentUrl(comment.post.url, comment.id)
    return [
      '<entry>',
      xmlElement('id', url),
      xmlElement('title', `${comment.name} on “${comment.post.title}”`),
      link('alternate', 'text/html', url),
      xmlElement('published', comment.createdAt),
      xmlElement('updated', updatedOf(comment)),
      `<author>${xmlElement('name', comment.name)}</author>`,
      comment.html === undefined
        ? xmlElement('content', comment.body, { type: 'text' })
        : xmlElement('content', comment.html, { type: 'html' }),
      '</entry>',
    ].join('\n')
  })
  const updated = feed.comments
    .map(updatedOf)
    .reduce((latest, time) => (time > latest ? time : latest), new Date(0).toISOString())
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    xmlElement('id', feed.selfUrl),
    xmlElement('title', feed.title),
    xmlElement('updated', updated),
    link('alternate', 'text/html', feed.homeUrl),
    link('self', 'application/atom+xml', feed.selfUrl),
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
