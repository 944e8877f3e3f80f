import { normalizeTag } from './tags'

type LinkedPost = {
  title: string
  summary: string
  url: string
  date: string
  updated?: string | undefined
  tags: readonly string[]
}
type LinkedSite = { name: string; url: string; language: string; author: { name: string } }

/** schema.org `BlogPosting` for a post, from its front matter; every URL absolute. */
export function getBlogPostingJsonLd(post: LinkedPost, site: LinkedSite) {
  const absolute = (path: string) => new URL(path, `${site.url}/`).href
  const url = absolute(post.url)
  const organization = { '@type': 'Organization', name: site.author.name, url: absolute('/') }
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.summary,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: post.date,
    dateModified: post.updated ?? post.date,
    image: `${url}/opengraph-image`,
    inLanguage: site.language,
    keywords: post.tags.map(normalizeTag).join(', '),
    author: organization,
    publisher: { ...organization, name: site.name },
  }
}

/**
 * JSON for an inline `<script type="application/ld+json">`. JSON.stringify leaves `<` alone, and a
 * title containing `</script>` would end the script early and turn the rest into markup; `\u003c`
 * is the same character to a JSON parser and cannot close a tag.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
