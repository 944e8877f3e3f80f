function resolveSiteUrl(): string {
  const explicit = process.env.SITE_URL
  if (explicit) return explicit.replace(/\/+$/, '')
  // Vercel sets this on production deployments; previews fall back to their own URL.
  const vercel = process.env.VERCEL_PROJECT_PRODUCTION_URL ?? process.env.VERCEL_URL
  if (vercel) return `https://${vercel}`
  return 'http://localhost:3000'
}

export const site = {
  name: 'Backend Playbook',
  tagline: 'Practical notes on APIs, databases, security, performance and distributed systems.',
  description:
    'Backend Playbook is a technical blog about backend engineering: APIs, databases, security, performance, microservices, Kafka and the cloud.',
  url: resolveSiteUrl(),
  locale: 'en_GB',
  language: 'en-GB',
  author: { name: 'The Backend Playbook team' },
  repository: {
    url: 'https://github.com/backend-playbook/backend-playbook',
    branch: 'main',
    /** Where the posts live in the repository (Contentlayer's `contentDirPath`). */
    contentDir: 'content',
  },
} as const

export type Site = typeof site

/** An absolute URL on this site, for feeds, the sitemap and structured data, where relative links do not work. */
export function getAbsoluteUrl(path: string): string {
  return new URL(path, `${site.url}/`).href
}

/** GitHub's editor for a post, from Contentlayer's `_raw.sourceFilePath` (`posts/<slug>.mdx`). */
export function getEditUrl(sourceFilePath: string): string {
  const { url, branch, contentDir } = site.repository
  return `${url}/edit/${branch}/${contentDir}/${sourceFilePath.split('/').map(encodeURIComponent).join('/')}`
}
