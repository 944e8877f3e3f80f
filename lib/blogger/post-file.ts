import path from 'node:path'
import { slug as githubSlug } from 'github-slugger'
import { getTagSlug, normalizeTag } from '@/lib/tags'

/**
 * An ASCII file name, as `npm run new-post` makes them (scripts/new-post.mjs): accents dropped,
 * lower case, single hyphens. Blogger's own names (`what_is_rest.html`) mostly are one already.
 */
export function toPostSlug(value: string): string {
  const ascii = value.normalize('NFKD').replace(/\p{M}/gu, '').replace(/_/g, '-')
  return githubSlug(ascii)
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
}

/** The post's slug: its old file name, else its title, else its Blogger id; `-2`, `-3`… when taken. */
export function choosePostSlug(
  post: { id: string; title: string; path: string | undefined },
  taken: Set<string>,
): string {
  const base =
    (post.path ? toPostSlug(path.posix.basename(post.path, '.html')) : '') ||
    toPostSlug(post.title) ||
    `post-${post.id}`
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  taken.add(slug)
  return slug
}

/** `2024-05-02T10:15:00.000-07:00` → `2024-05-02`: the day the author saw, in the blog's own time zone. */
export function toCalendarDay(timestamp: string | undefined): string | undefined {
  if (!timestamp || Number.isNaN(Date.parse(timestamp))) return undefined
  return /^\d{4}-\d{2}-\d{2}/.test(timestamp) ? timestamp.slice(0, 10) : new Date(timestamp).toISOString().slice(0, 10)
}

export type Labels = { tags: string[]; dropped: string[] }

/**
 * Labels as tags, spelt as on Blogger (a repeat in another case counts once); one with no letters
 * or digits has no tag page and is dropped. Two labels sharing an address stay: plan.ts reports them.
 */
export function labelsToTags(labels: readonly string[]): Labels {
  const tags: string[] = []
  const dropped: string[] = []
  for (const label of labels) {
    const tag = normalizeTag(label)
    if (!getTagSlug(tag)) dropped.push(label)
    else if (!tags.some((other) => other.toLowerCase() === tag.toLowerCase())) tags.push(tag)
  }
  return { tags, dropped }
}

export type FrontMatter = {
  title: string
  date: string
  updated?: string | undefined
  summary: string
  tags: string[]
  draft: boolean
}

/** The MDX file: front matter as contentlayer.config.ts declares it, then the body. */
export function formatPostFile(fields: FrontMatter, body: string): string {
  // JSON strings are valid YAML double-quoted strings (as in scripts/new-post.mjs).
  const lines = [
    '---',
    `title: ${JSON.stringify(fields.title)}`,
    `date: ${fields.date}`,
    ...(fields.updated ? [`updated: ${fields.updated}`] : []),
    `summary: ${JSON.stringify(fields.summary)}`,
    `tags: [${fields.tags.map((tag) => JSON.stringify(tag)).join(', ')}]`,
    ...(fields.draft ? ['draft: true'] : []),
    '---',
    '',
  ]
  return `${lines.join('\n')}\n${body.trim()}\n`
}
