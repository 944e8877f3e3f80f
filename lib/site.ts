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
  author: { name: 'The Backend Playbook team' },
  repository: {
    url: 'https://github.com/backend-playbook/backend-playbook',
    branch: 'main',
  },
} as const

export type Site = typeof site
