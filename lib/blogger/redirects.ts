import { getTagPath, getTagSlug } from '@/lib/tags'
import type { RedirectEntry, RedirectMap } from './redirect-map'

/** A path as a browser requests it: spaces and non-ASCII percent-encoded, existing escapes kept. */
function encodePath(value: string): string {
  return new URL(value, 'http://blogger.invalid').pathname
}

export type RedirectSource = { slug: string; path: string | undefined; labels: readonly string[] }

/**
 * Every old address of the imported (published) posts: the post pages, their labels' pages and
 * the blog's feed. Labels map to the tag pages through lib/tags.ts, the site's one tag slugger.
 */
export function buildRedirects(posts: readonly RedirectSource[]): RedirectEntry[] {
  const redirects: RedirectEntry[] = []
  const labels = new Set<string>()
  for (const post of posts) {
    if (post.path) redirects.push({ from: encodePath(post.path), to: `/blog/${encodeURIComponent(post.slug)}` })
    for (const label of post.labels) labels.add(label)
  }
  for (const label of labels) {
    const slug = getTagSlug(label)
    if (slug) redirects.push({ from: `/search/label/${encodeURIComponent(label)}`, to: getTagPath(slug) })
  }
  if (redirects.length > 0) redirects.push({ from: '/feeds/posts/default', to: '/feed.xml' })
  return redirects
}

/** The existing map with `added` merged in (same old path: the new target wins), sorted for stable diffs. */
export function mergeRedirects(existing: RedirectMap, added: readonly RedirectEntry[]): RedirectMap {
  const byFrom = new Map(existing.redirects.map((entry) => [entry.from, entry]))
  for (const entry of added) byFrom.set(entry.from, entry)
  return { redirects: [...byFrom.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)) }
}

export function formatRedirectMap(map: RedirectMap): string {
  return `${JSON.stringify(map, null, 2)}\n`
}
