import path from 'node:path'
import type { NextConfig } from 'next'
import { PHASE_PRODUCTION_BUILD } from 'next/constants'
import { getRedirectMapRedirects } from './lib/blogger/redirect-map'
import { securityHeaders } from './lib/security-headers'
import { parseSiteUrl } from './lib/config'

// Loaded by Next.js at run time with a plain import: JavaScript modules, resolved from the project root.
const handler = (file: string) => path.join(process.cwd(), 'lib/cache-handlers', file)

// On Vercel the platform's own cache serves and invalidates the pages; everywhere else ours do: one
// process's memory by default, Redis shared by every instance with REDIS_URL (docs/caching.md).
const isVercel = Boolean(process.env.VERCEL)

// Contentlayer runs as its own step (`contentlayer2 build` / `contentlayer2 dev`, see package.json)
// rather than through `withContentlayer`: that plugin hooks into webpack only, and Next.js 16 builds
// with Turbopack. Pages import the generated data through the `contentlayer/generated` path alias.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next.js hashes the whole page into an ETag on every response: 17% of the CPU a cached post costs
  // (measured with a CPU profile under bench:serve). Pages change only on a comment or a deploy, and
  // a reader rarely reloads one, so the 304s are not worth it.
  generateEtags: false,
  // Every page is a static file, comments included: their data is cached ('use cache' + cacheTag in
  // lib/comments/cache.ts) and a comment write invalidates the post's tag. Cache Components rejects
  // `dynamicParams`: unknown slugs call notFound() instead (a 404 that the cache never stores).
  cacheComponents: true,
  ...(isVercel
    ? {}
    : {
        cacheHandler: handler('route-cache-handler.mjs'),
        cacheHandlers: { default: handler('use-cache-handler.mjs'), remote: handler('use-cache-handler.mjs') },
      }),
  experimental: {
    // The no-JavaScript comment form posts to its Server Action, which answers a refused comment with
    // the page and every character the reader typed: Next.js's default 1 MB, stated here, lets any
    // text a person would paste come back that way (a valid comment is 20 KB at most).
    serverActions: { bodySizeLimit: '1mb' },
  },
  // Every post is prerendered whole, per URL: a link should prefetch that page, not a generic
  // App Shell for /blog/[slug] that would stream the article in after the click.
  partialPrefetching: false,
  // A self-contained server in .next/standalone for Docker and plain Node hosts (see Dockerfile).
  output: 'standalone',
  async headers() {
    const headers = securityHeaders({
      isProduction: process.env.NODE_ENV === 'production',
      isHttps: parseSiteUrl(process.env).startsWith('https://'),
    })
    return [
      { source: '/:path*', headers },
      // A CDN in front of a Node host never hears of a comment: let it keep a post for a minute, not
      // for the 30 days of the page's own cache life. Browsers always ask again. (On Vercel the
      // platform's cache is the CDN and is invalidated by tag.)
      // The post lists (comment counts) and the feed of new comments change with the comments too.
      ...(isVercel
        ? []
        : [
            '/blog/:slug',
            '/',
            '/blog/page/:page',
            '/tags/:tag',
            '/tags/:tag/page/:page',
            '/archive',
            '/comments.xml',
          ].map((source) => ({
            source,
            headers: [{ key: 'Cache-Control', value: 'public, max-age=0, s-maxage=60, stale-while-revalidate=60' }],
          }))),
    ]
  },
  // Page 1 of a list is the list itself: one address per page, and old or hand-typed links still land.
  async redirects() {
    return [
      { source: '/blog', destination: '/', permanent: true },
      { source: '/blog/page/1', destination: '/', permanent: true },
      { source: '/tags/:tag/page/1', destination: '/tags/:tag', permanent: true },
      // Old addresses of an imported blog (`npm run import:blogger`), from content/redirects.json.
      ...getRedirectMapRedirects(process.env.CONTENT_DIR ?? 'content'),
    ]
  },
  env: {
    // One clock for the whole build: a post dated later than this is scheduled and left out
    // (lib/posts.ts). `npm run build` sets it for every step (scripts/build.mjs); set here, once,
    // when `next build` runs alone, rather than read in each page worker.
    BUILD_TIME: process.env.BUILD_TIME ?? new Date().toISOString(),
  },
  // PGlite loads its WebAssembly and data files from its own package directory at run time.
  serverExternalPackages: ['@electric-sql/pglite'],
  // The migrations are read from disk when the database opens: ship them with every server function.
  outputFileTracingIncludes: { '/**': ['./lib/db/migrations/*.sql'] },
}

export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD && process.env.VERCEL && !process.env.DATABASE_URL) {
    console.warn(
      '\n⚠ Comments: VERCEL is set but DATABASE_URL is not. Vercel does not keep files between requests, so the\n' +
        '  embedded PGlite database cannot be used: the comments API will answer 503 and the form will say that\n' +
        '  comments are unavailable. Set DATABASE_URL to a PostgreSQL database to enable comments.\n',
    )
  }
  return nextConfig
}
