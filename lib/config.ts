import { z } from 'zod'
import { cacheEnvShape, toCacheConfig, type CacheConfig } from './cache-handlers/config.mjs'
import type { DatabaseConfig } from './db/types'
import { deriveModerationKey } from './comments/moderation-token'
import type { CommentSettings } from './comments/submit'

// The server's configuration: every variable it reads at run time, parsed once per bundle into one
// typed object that is passed to the code that needs it. What is fixed when the code is built
// (BUILD_TIME, draft previews) is in lib/build-config.ts instead, and what the server entry needs
// before Next.js loads (PORT, HOSTNAME, SHUTDOWN_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT) in lib/server/settings.mjs.

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback)
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value))

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Set by Vercel, with its deployment URLs. Its file system does not persist: comments need DATABASE_URL there. */
  VERCEL: optionalText,
  VERCEL_URL: optionalText,
  VERCEL_BRANCH_URL: optionalText,
  VERCEL_PROJECT_PRODUCTION_URL: optionalText,
  SITE_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional()),
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATABASE_POOL_MAX: positiveInt(10),
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  COMMENT_MODERATION: z.enum(['off', 'links', 'all']).default('links'),
  COMMENT_RATE_LIMIT: positiveInt(5),
  COMMENT_RATE_LIMIT_POST: positiveInt(30),
  COMMENT_RATE_LIMIT_SITE: positiveInt(200),
  COMMENT_RATE_WINDOW_SECONDS: positiveInt(600),
  /** How long a writer may edit or delete their own comment (lib/comments/edit.ts). */
  COMMENT_EDIT_WINDOW_SECONDS: positiveInt(900),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  COMMENT_IP_SECRET: optionalText.pipe(z.string().min(16).optional()),
  COMMENT_WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  COMMENT_WEBHOOK_TIMEOUT_MS: positiveInt(5000),
  /** Authorises POST /api/revalidate, which the moderation CLI calls after a change (lib/comments/revalidate.ts). */
  REVALIDATE_SECRET: optionalText.pipe(z.string().min(32, 'use at least 32 characters').optional()),
  /** Moderation by e-mail (docs/moderation-from-email.md): where the SMTP server is, and who gets the mail. */
  SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  COMMENT_NOTIFY_EMAIL: optionalText.pipe(z.email().optional()),
  /** The From address; COMMENT_NOTIFY_EMAIL when unset. */
  COMMENT_NOTIFY_FROM: optionalText.pipe(z.email().optional()),
  /** `held`: mail about comments awaiting moderation; `all`: about published ones too. */
  COMMENT_NOTIFY: z.enum(['held', 'all']).default('held'),
  /** Signs the moderation links; derived from REVALIDATE_SECRET when unset (lib/comments/moderation-token.ts). */
  MODERATION_SECRET: optionalText.pipe(z.string().min(32, 'use at least 32 characters').optional()),
  /** Opens /admin/comments, the queue of held comments. */
  ADMIN_PASSWORD: optionalText.pipe(z.string().min(12, 'use at least 12 characters').optional()),
  /**
   * The wait before the first retry of a failed webhook delivery; each further one waits 4 times longer
   * (lib/comments/webhook-outbox.ts).
   */
  COMMENT_WEBHOOK_RETRY_MS: positiveInt(1000),
  /**
   * Set by the server entry (lib/server/start.mjs) for each process, never by hand:
   * see lib/server/peer-address.mjs.
   */
  PEER_ADDRESS_SECRET: optionalText,
  // REDIS_URL, REDIS_KEY_PREFIX and NEXT_PHASE, defined beside the cache handlers that read them too.
  ...cacheEnvShape,
})

type Env = z.infer<typeof envSchema>

export type Config = {
  nodeEnv: Env['NODE_ENV']
  site: {
    /** SITE_URL without a trailing slash, else Vercel's production (or deployment) URL, else http://localhost:3000. */
    url: string
    /** SITE_URL was given: only then is its origin the only one the comment endpoints accept outside development. */
    isUrlConfigured: boolean
  }
  /** Set on Vercel, with the other origins of this deployment (its per-deployment and per-branch URLs). */
  vercel: { deploymentOrigins: string[] } | undefined
  database: DatabaseConfig
  comments: Omit<CommentSettings, 'duplicateWindowSeconds'> & {
    /** The key of the client-address HMAC; unset, a random key is kept in the database. */
    ipSecret: string | undefined
    trustProxyHops: number
    /** The key the server entry signs the socket's address with (lib/server/peer-address.mjs). */
    peerAddressSecret: string | undefined
    /** The wait before a failed webhook delivery's first retry. */
    webhookRetryMs: number
  }
  revalidateSecret: string | undefined
  /** Moderation over HTTP: signed links (in e-mails and the webhook) and the /admin/comments queue. */
  moderation: {
    /** The key of the signed links: MODERATION_SECRET, else derived from REVALIDATE_SECRET; unset, links are off. */
    linkKey: string | undefined
    adminPassword: string | undefined
    /** SMTP_URL, COMMENT_NOTIFY_EMAIL, COMMENT_NOTIFY_FROM and COMMENT_NOTIFY as given (see getEmailSettings). */
    mail: { smtpUrl: string | undefined; to: string | undefined; from: string | undefined; mode: 'held' | 'all' }
  }
  cache: CacheConfig
}

/** Every problem of one environment: bad values and what a production server cannot start without. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`)
    this.name = 'ConfigError'
  }
}

/**
 * What a production server must not start without. SITE_URL is the site's public address: the
 * canonical links, the feeds and the webhook's links are made from it, and the comment endpoints
 * accept browser posts from its origin only (without it they would have to trust the Host header,
 * which a DNS-rebinding page controls). Vercel provides the production URL itself. A build, the
 * migrations and the CLI can do without it.
 */
function findMissingForServer(env: Record<string, string | undefined>): string[] {
  if (env.NODE_ENV === 'production' && !env.SITE_URL && !env.VERCEL) {
    return [
      'SITE_URL is not set: give the public address of the site, e.g. SITE_URL=https://blog.example.com (http://localhost:3000 to try a build locally).',
    ]
  }
  return []
}

function resolveSiteUrl(env: Pick<Env, 'SITE_URL' | 'VERCEL_PROJECT_PRODUCTION_URL' | 'VERCEL_URL'>): string {
  if (env.SITE_URL) return env.SITE_URL.replace(/\/+$/, '')
  // Vercel sets this on production deployments; previews fall back to their own URL.
  const vercel = env.VERCEL_PROJECT_PRODUCTION_URL ?? env.VERCEL_URL
  return vercel ? `https://${vercel}` : 'http://localhost:3000'
}

function toConfig(env: Env): Config {
  return {
    nodeEnv: env.NODE_ENV,
    site: { url: resolveSiteUrl(env), isUrlConfigured: Boolean(env.SITE_URL) },
    vercel: env.VERCEL
      ? {
          deploymentOrigins: [env.VERCEL_URL, env.VERCEL_BRANCH_URL].flatMap((host) =>
            host ? [`https://${host}`] : [],
          ),
        }
      : undefined,
    database: {
      url: env.DATABASE_URL,
      poolMax: env.DATABASE_POOL_MAX,
      pgliteDir: env.PGLITE_DIR,
      hasPersistentDisk: !env.VERCEL,
    },
    comments: {
      moderation: env.COMMENT_MODERATION,
      limits: {
        perClient: env.COMMENT_RATE_LIMIT,
        perPost: env.COMMENT_RATE_LIMIT_POST,
        perSite: env.COMMENT_RATE_LIMIT_SITE,
        windowSeconds: env.COMMENT_RATE_WINDOW_SECONDS,
      },
      webhook: env.COMMENT_WEBHOOK_URL
        ? { url: env.COMMENT_WEBHOOK_URL, timeoutMs: env.COMMENT_WEBHOOK_TIMEOUT_MS }
        : undefined,
      editWindowSeconds: env.COMMENT_EDIT_WINDOW_SECONDS,
      ipSecret: env.COMMENT_IP_SECRET,
      trustProxyHops: env.TRUST_PROXY_HOPS,
      peerAddressSecret: env.PEER_ADDRESS_SECRET,
      webhookRetryMs: env.COMMENT_WEBHOOK_RETRY_MS,
    },
    revalidateSecret: env.REVALIDATE_SECRET,
    moderation: {
      linkKey: deriveModerationKey(env),
      adminPassword: env.ADMIN_PASSWORD,
      mail: {
        smtpUrl: env.SMTP_URL,
        to: env.COMMENT_NOTIFY_EMAIL,
        from: env.COMMENT_NOTIFY_FROM,
        mode: env.COMMENT_NOTIFY,
      },
    },
    cache: toCacheConfig(env),
  }
}

const siteUrlSchema = envSchema.pick({ SITE_URL: true, VERCEL_PROJECT_PRODUCTION_URL: true, VERCEL_URL: true })

/** The site's public address alone, for next.config.ts (the security headers of an https site). */
export function parseSiteUrl(env: Record<string, string | undefined>): string {
  const result = siteUrlSchema.safeParse(env)
  if (!result.success) throw new ConfigError(result.error.issues.map(formatIssue))
  return resolveSiteUrl(result.data)
}

const formatIssue = (issue: z.core.$ZodIssue) => `${issue.path.join('.')}: ${issue.message}`

/**
 * Parses an environment; throws one ConfigError that names every bad variable, and with `isServer`
 * (instrumentation.ts, as a server starts) every missing one as well.
 */
export function parseConfig(env: Record<string, string | undefined>, { isServer = false } = {}): Config {
  const result = envSchema.safeParse(env)
  const problems = result.success ? [] : result.error.issues.map(formatIssue)
  if (isServer) problems.push(...findMissingForServer(env))
  if (!result.success || problems.length > 0) throw new ConfigError(problems)
  return toConfig(result.data)
}

let cached: Config | undefined

/**
 * The configuration of this process, parsed on first use (never when a module loads). Next.js
 * bundles the route handlers and the pages separately, so each bundle parses it once.
 */
export function getConfig(): Config {
  cached ??= parseConfig(process.env)
  return cached
}

/** Loud, once at start-up: what production should have but can run without. */
export function findStartupWarnings(config: Config): string[] {
  const warnings: string[] = []
  if (config.nodeEnv !== 'production') return warnings
  if (!config.comments.ipSecret) {
    warnings.push(
      'COMMENT_IP_SECRET is not set: client addresses are hashed with a random key kept in the database itself, ' +
        'so a copy of the database could be matched against addresses ' +
        '(the hashes of the last 10 minutes: older ones are cleared). Set 32+ random characters.',
    )
  }
  return [...warnings, ...findModerationWarnings(config.moderation)]
}

/** What of moderation by e-mail and link is off, and why (docs/moderation-from-email.md). */
function findModerationWarnings({ linkKey, mail }: Config['moderation']): string[] {
  const isMailWanted = Boolean(mail.smtpUrl ?? mail.to)
  const warnings: string[] = []
  if (isMailWanted && !(mail.smtpUrl && mail.to)) {
    warnings.push(
      `Comment e-mails are off: ${mail.smtpUrl ? 'COMMENT_NOTIFY_EMAIL' : 'SMTP_URL'} is not set (both are needed).`,
    )
  } else if (isMailWanted && !linkKey) {
    warnings.push(
      'Comment e-mails are off: they carry signed moderation links, ' +
        'and neither MODERATION_SECRET nor REVALIDATE_SECRET is set.',
    )
  }
  if (!linkKey) {
    warnings.push(
      'Moderation links are off: set MODERATION_SECRET (32+ characters) or REVALIDATE_SECRET; ' +
        '/moderate/<id> answers 404 until then.',
    )
  }
  return warnings
}
