// The site's fixed facts. Its public address is configuration: `getConfig().site.url` (lib/config.ts).
export const site = {
  name: 'Backend Playbook',
  tagline: 'Practical notes on APIs, databases, security, performance and distributed systems.',
  description:
    'Backend Playbook is a technical blog about backend engineering: ' +
    'APIs, databases, security, performance, microservices, Kafka and the cloud.',
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

/** An absolute URL on this site, for feeds, the sitemap and structured data, where relative links do not work. */
export function getAbsoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, `${siteUrl}/`).href
}

/** GitHub's editor for a post, from Contentlayer's `_raw.sourceFilePath` (`posts/<slug>.mdx`). */
export function getEditUrl(sourceFilePath: string): string {
  const { url, branch, contentDir } = site.repository
  return `${url}/edit/${branch}/${contentDir}/${sourceFilePath.split('/').map(encodeURIComponent).join('/')}`
}
