import { z } from 'zod'

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback)
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value))

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Vercel's file system does not persist: comments need DATABASE_URL there. */
  VERCEL: optionalText,
  VERCEL_URL: optionalText,
  VERCEL_BRANCH_URL: optionalText,
  SITE_URL: optionalText,
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATABASE_POOL_MAX: positiveInt(10),
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  COMMENT_MODERATION: z.enum(['off', 'links', 'all']).default('links'),
  COMMENT_RATE_LIMIT: positiveInt(5),
  COMMENT_RATE_LIMIT_POST: positiveInt(30),
  COMMENT_RATE_LIMIT_SITE: positiveInt(200),
  COMMENT_RATE_WINDOW_SECONDS: positiveInt(600),
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
  /** Under `docker stop`'s 10 s, so the database still closes before a SIGKILL (lib/graceful-shutdown.ts). */
  SHUTDOWN_TIMEOUT_MS: optionalText
    .pipe(z.string().regex(/^\d+$/, 'a whole number of milliseconds').transform(Number).optional())
    .transform((value) => value ?? 8000),
})

export type Env = z.infer<typeof envSchema>

/** Parses the environment; throws one error that names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
  throw new Error(`Invalid environment variables:\n${problems.join('\n')}`)
}

let cached: Env | undefined

/** The environment, parsed once per process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/**
 * What a production server must not start without. SITE_URL is the site's public address: the
 * canonical links, the feeds and the webhook's links are made from it, and the comment endpoints
 * accept browser posts from its origin only (without it they would have to trust the Host header,
 * which a DNS-rebinding page controls). Vercel provides the production URL itself.
 */
export function findStartupProblems(env: Env): string[] {
  const problems: string[] = []
  if (env.NODE_ENV === 'production' && !env.SITE_URL && !env.VERCEL) {
    problems.push('SITE_URL is not set: give the public address of the site, e.g. SITE_URL=https://blog.example.com (http://localhost:3000 to try a build locally).')
  }
  return problems
}

/** Loud, once at start-up: what production should have but can run without. */
export function findStartupWarnings(env: Env): string[] {
  const warnings: string[] = []
  if (env.NODE_ENV === 'production' && !env.COMMENT_IP_SECRET) {
    warnings.push(
      'COMMENT_IP_SECRET is not set: client addresses are hashed with a random key kept in the database itself, so a copy of the ' +
        'database could be matched against addresses (the hashes of the last 10 minutes: older ones are cleared). Set 32+ random characters.',
    )
  }
  if (env.NODE_ENV === 'production') warnings.push(...findModerationWarnings(env))
  return warnings
}

/** What of moderation by e-mail and link is off, and why (docs/moderation-from-email.md). */
function findModerationWarnings(env: Env): string[] {
  const hasSecret = Boolean(env.MODERATION_SECRET ?? env.REVALIDATE_SECRET)
  const isMailWanted = Boolean(env.SMTP_URL ?? env.COMMENT_NOTIFY_EMAIL)
  const warnings: string[] = []
  if (isMailWanted && !(env.SMTP_URL && env.COMMENT_NOTIFY_EMAIL)) {
    warnings.push(`Comment e-mails are off: ${env.SMTP_URL ? 'COMMENT_NOTIFY_EMAIL' : 'SMTP_URL'} is not set (both are needed).`)
  } else if (isMailWanted && !hasSecret) {
    warnings.push('Comment e-mails are off: they carry signed moderation links, and neither MODERATION_SECRET nor REVALIDATE_SECRET is set.')
  }
  if (!hasSecret) {
    warnings.push('Moderation links are off: set MODERATION_SECRET (32+ characters) or REVALIDATE_SECRET; /moderate/<id> answers 404 until then.')
  }
  return warnings
}
