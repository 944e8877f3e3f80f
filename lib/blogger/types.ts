import { z } from 'zod'

/** An element's text: fast-xml-parser gives a string, or an object with `#text` when it has attributes. */
const text = z
  .union([z.string(), z.looseObject({ '#text': z.string().optional() })])
  .transform((value) => (typeof value === 'string' ? value : (value['#text'] ?? '')).trim())

const list = <T extends z.ZodType>(item: T) => z.array(item).default([])

/** The fields of an Atom entry that either export format uses, by local name (see export.ts). */
export const entrySchema = z.looseObject({
  id: text,
  title: text.optional(),
  content: text.optional(),
  published: text.optional(),
  updated: text.optional(),
  category: list(z.looseObject({ '@_scheme': z.string().optional(), '@_term': z.string().optional() })).transform(
    (categories) => categories.map((category) => ({ scheme: category['@_scheme'], term: category['@_term'] })),
  ),
  link: list(z.looseObject({ '@_rel': z.string().optional(), '@_href': z.string().optional() })).transform((links) =>
    links.map((link) => ({ rel: link['@_rel'], href: link['@_href'] })),
  ),
  author: list(z.looseObject({ name: text.optional() })),
  // Takeout (blogger:…)
  type: text.optional(),
  status: text.optional(),
  created: text.optional(),
  filename: text.optional(),
  parent: text.optional(),
  inReplyTo: text.optional(),
  // Classic (app:control, thr:in-reply-to, gd:extendedProperty)
  control: z.looseObject({ draft: text.optional() }).optional(),
  'in-reply-to': list(z.looseObject({ '@_ref': z.string().optional() })),
  extendedProperty: list(z.looseObject({ '@_name': z.string().optional(), '@_value': z.string().optional() })),
})

export type Entry = z.infer<typeof entrySchema>

export type BloggerPost = {
  /** The numeric part of Blogger's id: the same in both formats, and what comments point at. */
  id: string
  kind: 'post' | 'page'
  status: 'live' | 'draft' | 'trashed'
  /** Blogger's own word for the status, for the report (`SCHEDULED`, `SOFT_TRASHED`…). */
  bloggerStatus: string
  title: string
  html: string
  /** ISO timestamps as Blogger wrote them (with the blog's offset). */
  published: string | undefined
  updated: string | undefined
  labels: string[]
  /** The old address on the blog, `/2024/05/what-is-backend-engineering.html`; none for drafts. */
  path: string | undefined
}

export type BloggerComment = {
  id: string
  /** A post id, or (classic exports of some replies) the id of the comment replied to. */
  postId: string
  /** The comment this one replies to, if any. */
  parentId: string | undefined
  author: string
  html: string
  published: string
  isLive: boolean
  bloggerStatus: string
}

export type BloggerExport = {
  format: 'takeout' | 'classic'
  title: string
  posts: BloggerPost[]
  comments: BloggerComment[]
  /** Entries that are neither posts, pages nor comments (the classic export's settings and template). */
  otherEntries: number
}

/** `tag:blogger.com,1999:blog-123.post-456` → `456`; a bare id stays as it is. */
export function toBloggerId(id: string): string {
  const trimmed = id.trim()
  for (const marker of ['.post-', '.page-']) {
    const at = trimmed.lastIndexOf(marker)
    if (at !== -1) return trimmed.slice(at + marker.length)
  }
  return trimmed
}

/** The labels of an entry: every category except the classic export's kind. */
export function readLabels(entry: Entry): string[] {
  return entry.category
    .filter((category) => !category.scheme?.endsWith('/g/2005#kind'))
    .map((category) => category.term?.trim() ?? '')
    .filter((term) => term !== '')
}

export function readAuthor(entry: Entry): string {
  return entry.author[0]?.name ?? ''
}
