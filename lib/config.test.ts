import { describe, expect, it } from 'vitest'
import { ConfigError, findStartupWarnings, parseConfig, parseSiteUrl } from './config'

// Plain objects in, a Config out: nothing here reads process.env, so no test depends on another's
// environment or on the order in which modules load.

const problemsOf = (env: Record<string, string | undefined>, options?: { isServer: boolean }): readonly string[] => {
  try {
    parseConfig(env, options)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  return []
}

describe('parseConfig', () => {
  it('gives every setting its documented default in an empty environment', () => {
    expect(parseConfig({})).toEqual({
      nodeEnv: 'development',
      site: { url: 'http://localhost:3000', isUrlConfigured: false },
      vercel: undefined,
      database: { url: undefined, poolMax: 10, pgliteDir: '.data/pglite', hasPersistentDisk: true },
      comments: {
        moderation: 'links',
        limits: { perClient: 5, perPost: 30, perSite: 200, windowSeconds: 600 },
        webhook: undefined,
        editWindowSeconds: 900,
        ipSecret: undefined,
        trustProxyHops: 0,
        peerAddressSecret: undefined,
        webhookRetryMs: 1000,
      },
      revalidateSecret: undefined,
      moderation: {
        linkKey: undefined,
        adminPassword: undefined,
        mail: { smtpUrl: undefined, to: undefined, from: undefined, mode: 'held' },
      },
      cache: { store: 'memory' },
    })
  })

  it('reads every variable into its place, and treats an empty one as unset', () => {
    const config = parseConfig({
      NODE_ENV: 'production',
      SITE_URL: 'https://blog.example.com/',
      DATABASE_URL: 'postgres://u:p@db:5432/blog',
      DATABASE_POOL_MAX: '3',
      PGLITE_DIR: 'memory://',
      COMMENT_MODERATION: 'all',
      COMMENT_RATE_LIMIT: '2',
      COMMENT_RATE_LIMIT_POST: '4',
      COMMENT_RATE_LIMIT_SITE: '8',
      COMMENT_RATE_WINDOW_SECONDS: '60',
      COMMENT_EDIT_WINDOW_SECONDS: '60',
      TRUST_PROXY_HOPS: '1',
      COMMENT_IP_SECRET: 'k'.repeat(32),
      COMMENT_WEBHOOK_URL: 'https://hooks.example.com/x',
      COMMENT_WEBHOOK_TIMEOUT_MS: '250',
      REVALIDATE_SECRET: 'r'.repeat(32),
      MODERATION_SECRET: 'm'.repeat(32),
      ADMIN_PASSWORD: 'a'.repeat(12),
      SMTP_URL: 'smtp://mail:25',
      COMMENT_NOTIFY_EMAIL: 'me@example.com',
      COMMENT_NOTIFY: 'all',
      COMMENT_WEBHOOK_RETRY_MS: '50',
      PEER_ADDRESS_SECRET: '',
      REDIS_URL: 'redis://cache:6379',
    })
    expect(config).toEqual({
      nodeEnv: 'production',
      site: { url: 'https://blog.example.com', isUrlConfigured: true },
      vercel: undefined,
      database: { url: 'postgres://u:p@db:5432/blog', poolMax: 3, pgliteDir: 'memory://', hasPersistentDisk: true },
      comments: {
        moderation: 'all',
        limits: { perClient: 2, perPost: 4, perSite: 8, windowSeconds: 60 },
        webhook: { url: 'https://hooks.example.com/x', timeoutMs: 250 },
        editWindowSeconds: 60,
        ipSecret: 'k'.repeat(32),
        trustProxyHops: 1,
        peerAddressSecret: undefined,
        webhookRetryMs: 50,
      },
      revalidateSecret: 'r'.repeat(32),
      moderation: {
        linkKey: 'm'.repeat(32),
        adminPassword: 'a'.repeat(12),
        mail: { smtpUrl: 'smtp://mail:25', to: 'me@example.com', from: undefined, mode: 'all' },
      },
      cache: { store: 'redis', url: 'redis://cache:6379', keyPrefix: 'backend-playbook:' },
    })
  })

  it('on Vercel: no persistent disk, its URLs as the site address and the other accepted origins', () => {
    const config = parseConfig({
      VERCEL: '1',
      VERCEL_URL: 'blog-abc.vercel.app',
      VERCEL_BRANCH_URL: 'blog-git-x.vercel.app',
      VERCEL_PROJECT_PRODUCTION_URL: 'blog.example.com',
    })
    expect(config.site).toEqual({ url: 'https://blog.example.com', isUrlConfigured: false })
    expect(config.vercel).toEqual({
      deploymentOrigins: ['https://blog-abc.vercel.app', 'https://blog-git-x.vercel.app'],
    })
    expect(config.database.hasPersistentDisk).toBe(false)
    expect(parseConfig({ VERCEL: '1', VERCEL_URL: 'blog-abc.vercel.app' }).site.url).toBe('https://blog-abc.vercel.app')
  })

  it('names every bad variable in one error, never echoing a value', () => {
    const problems = problemsOf({
      NODE_ENV: 'staging',
      SITE_URL: 'blog.example.com',
      DATABASE_URL: 'mysql://u:secret@db/blog',
      COMMENT_RATE_LIMIT: '0',
      COMMENT_MODERATION: 'some',
      TRUST_PROXY_HOPS: '11',
      COMMENT_IP_SECRET: 'short',
      REVALIDATE_SECRET: 'short',
      REDIS_URL: 'http://u:secret@cache:6379',
    })
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'NODE_ENV',
      'SITE_URL',
      'DATABASE_URL',
      'COMMENT_MODERATION',
      'COMMENT_RATE_LIMIT',
      'TRUST_PROXY_HOPS',
      'COMMENT_IP_SECRET',
      'REVALIDATE_SECRET',
      'REDIS_URL',
    ])
    expect(problems.join('\n')).not.toContain('secret')
    expect(() => parseConfig({ COMMENT_RATE_LIMIT: '0', TRUST_PROXY_HOPS: 'x' })).toThrow(
      /^Invalid configuration:\n {2}COMMENT_RATE_LIMIT: .+\n {2}TRUST_PROXY_HOPS: .+$/,
    )
  })

  it('refuses a production server without SITE_URL, in the same list as the bad values', () => {
    const server = { isServer: true }
    expect(problemsOf({ NODE_ENV: 'production' }, server)).toEqual([expect.stringMatching(/^SITE_URL is not set: /)])
    expect(problemsOf({ NODE_ENV: 'production', SITE_URL: '', COMMENT_RATE_LIMIT: 'x' }, server)).toEqual([
      expect.stringMatching(/^COMMENT_RATE_LIMIT: /),
      expect.stringMatching(/^SITE_URL is not set: /),
    ])
    // Vercel provides the address; outside production it defaults.
    expect(problemsOf({ NODE_ENV: 'production', VERCEL: '1' }, server)).toEqual([])
    expect(problemsOf({ NODE_ENV: 'production', SITE_URL: 'https://blog.example.com' }, server)).toEqual([])
    expect(problemsOf({ NODE_ENV: 'development' }, server)).toEqual([])
    // A build, the migrations and the CLI run without it.
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([])
  })

  it('takes the cache variables with the cache handlers’ own rules (memory while `next build` runs)', () => {
    expect(parseConfig({ REDIS_URL: 'redis://cache:6379', REDIS_KEY_PREFIX: 'blog:' }).cache).toEqual({
      store: 'redis',
      url: 'redis://cache:6379',
      keyPrefix: 'blog:',
    })
    expect(parseConfig({ REDIS_URL: 'redis://cache:6379', NEXT_PHASE: 'phase-production-build' }).cache).toEqual({
      store: 'memory',
    })
  })
})

describe('parseSiteUrl', () => {
  it('resolves the address as parseConfig does, and refuses a bad SITE_URL', () => {
    expect(parseSiteUrl({ SITE_URL: 'https://blog.example.com//' })).toBe('https://blog.example.com')
    expect(parseSiteUrl({})).toBe('http://localhost:3000')
    expect(() => parseSiteUrl({ SITE_URL: 'ftp://blog.example.com' })).toThrow(/SITE_URL: must be an http/)
  })
})

describe('findStartupWarnings', () => {
  it('warns in production without COMMENT_IP_SECRET', () => {
    const production = {
      NODE_ENV: 'production',
      SITE_URL: 'https://blog.example.com',
      MODERATION_SECRET: 'm'.repeat(32),
    }
    expect(findStartupWarnings(parseConfig(production))).toEqual([
      expect.stringContaining('COMMENT_IP_SECRET is not set'),
    ])
    expect(findStartupWarnings(parseConfig({ ...production, COMMENT_IP_SECRET: 'x'.repeat(32) }))).toEqual([])
    expect(findStartupWarnings(parseConfig({}))).toEqual([])
  })

  it('says what of moderation by e-mail and link is off in production', () => {
    const base = { NODE_ENV: 'production', COMMENT_IP_SECRET: 'x'.repeat(32) }
    expect(findStartupWarnings(parseConfig(base))).toEqual([expect.stringContaining('Moderation links are off')])
    expect(findStartupWarnings(parseConfig({ ...base, REVALIDATE_SECRET: 'r'.repeat(32) }))).toEqual([])
    expect(
      findStartupWarnings(parseConfig({ ...base, MODERATION_SECRET: 'm'.repeat(32), SMTP_URL: 'smtp://127.0.0.1:25' })),
    ).toEqual([expect.stringContaining('COMMENT_NOTIFY_EMAIL is not set')])
    expect(
      findStartupWarnings(
        parseConfig({ ...base, SMTP_URL: 'smtp://127.0.0.1:25', COMMENT_NOTIFY_EMAIL: 'me@example.com' }),
      ),
    ).toEqual([expect.stringContaining('Comment e-mails are off'), expect.stringContaining('Moderation links are off')])
    expect(() => parseConfig({ SMTP_URL: 'https://mail.example.com' })).toThrow(/SMTP_URL/)
    expect(() => parseConfig({ MODERATION_SECRET: 'short' })).toThrow(/MODERATION_SECRET/)
  })
})
