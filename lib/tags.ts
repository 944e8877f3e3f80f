import { slug as githubSlug } from 'github-slugger'

type Tagged = { slug: string; tags: readonly string[] }

export type TagSummary = {
  /** The URL segment, decoded: `café`, `kafka-streams`. */
  slug: string
  /** The spelling shown to readers: the one most posts use. */
  name: string
  count: number
}

export type TagIndex<P extends Tagged> = {
  /** Every tag, sorted by name. */
  tags: TagSummary[]
  /** The posts of each tag slug, in the order they were given (newest first). */
  postsByTag: ReadonlyMap<string, readonly P[]>
}

/** A tag as written, in one Unicode form (NFC: macOS editors may save NFD), trimmed, with single spaces. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').trim().replace(/\s+/g, ' ')
}

/**
 * The tag's URL segment, through the same slugger as the heading ids: lower case, spaces to
 * hyphens, punctuation dropped, letters of every script kept (`Café` → `café`, `Node.js` → `nodejs`).
 */
export function getTagSlug(tag: string): string {
  return githubSlug(normalizeTag(tag))
}

/** The tag's page, percent-encoded so it can go into any link, feed or sitemap as is. */
export function getTagPath(slug: string): string {
  return `/tags/${encodeURIComponent(slug)}`
}

/**
 * Groups posts by tag. Spellings that differ only in case, spacing or Unicode form share one tag;
 * two different tags whose slugs collide (`C#` and `C++` both give `c`) or a tag with no letters
 * or digits stop the build, naming the posts, instead of quietly merging or vanishing.
 */
export function getTagIndex<P extends Tagged>(posts: readonly P[]): TagIndex<P> {
  const groups = new Map<string, { spellings: Map<string, number>; posts: P[] }>()
  // For the error message: the first post to use each spelling, compared in lower case.
  const firstUse = new Map<string, string>()
  for (const post of posts) {
    const seen = new Set<string>()
    for (const tag of post.tags) {
      const slug = getTagSlug(tag)
      if (!slug) throw new Error(`Post "${post.slug}": the tag "${tag}" has no letters or digits to make its URL from.`)
      const group = groups.get(slug) ?? { spellings: new Map<string, number>(), posts: [] }
      groups.set(slug, group)
      // A post that lists a tag twice ("API" and "api") counts once.
      if (seen.has(slug)) continue
      seen.add(slug)
      const spelling = normalizeTag(tag)
      if (!firstUse.has(spelling.toLowerCase())) firstUse.set(spelling.toLowerCase(), post.slug)
      group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1)
      group.posts.push(post)
    }
  }

  const tags: TagSummary[] = []
  for (const [slug, group] of groups) {
    const clashing = new Set([...group.spellings.keys()].map((spelling) => spelling.toLowerCase()))
    if (clashing.size > 1) {
      const names = [...clashing].map((name) => `"${name}" (post "${firstUse.get(name)}")`).join(' and ')
      throw new Error(`The tags ${names} would share the address ${getTagPath(slug)}: rename one of them.`)
    }
    tags.push({ slug, name: pickSpelling(group.spellings), count: group.posts.length })
  }
  tags.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.slug.localeCompare(b.slug))

  return { tags, postsByTag: new Map([...groups].map(([slug, group]) => [slug, group.posts])) }
}

/** The most used spelling; a tie goes to the alphabetically first, so the choice never depends on file order. */
function pickSpelling(spellings: ReadonlyMap<string, number>): string {
  const [first] = [...spellings].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
  if (!first) throw new Error('a tag group always has a spelling')
  return first[0]
}
