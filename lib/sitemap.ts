import type { MetadataRoute } from 'next'
import { getTagPath, type TagSummary } from './tags'

type SitemapPost = { url: string; date: string; updated?: string | undefined; tags: readonly string[] }

/**
 * Every page worth indexing, with absolute URLs: the posts (dated by their last update), the home
 * page, the tag pages and the archive. The numbered list pages (`/blog/page/<n>`) are left out:
 * every post they link to is already here.
 */
export function buildSitemap(
  postsNewestFirst: readonly SitemapPost[],
  tags: readonly TagSummary[],
  siteUrl: string,
): MetadataRoute.Sitemap {
  const absolute = (path: string) => new URL(path, `${siteUrl}/`).href
  const lastChange = (post: SitemapPost) => post.updated ?? post.date
  const newest = postsNewestFirst.reduce<string | undefined>(
    (latest, post) => (latest === undefined || lastChange(post) > latest ? lastChange(post) : latest),
    undefined,
  )
  const listPage = (path: string) => ({ url: absolute(path), ...(newest ? { lastModified: newest } : {}) })
  return [
    listPage('/'),
    listPage('/archive'),
    listPage('/tags'),
    ...tags.map((tag) => ({ url: absolute(getTagPath(tag.slug)) })),
    ...postsNewestFirst.map((post) => ({ url: absolute(post.url), lastModified: lastChange(post) })),
  ]
}
