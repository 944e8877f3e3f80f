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
