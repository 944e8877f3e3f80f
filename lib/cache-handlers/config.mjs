// @ts-check
import { z } from 'zod'

const emptyAsUnset = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value))

const envSchema = z.object({
  // The message never echoes the value: a Redis URL usually carries a password.
  REDIS_URL: emptyAsUnset.pipe(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional()),
  REDIS_KEY_PREFIX: emptyAsUnset.pipe(z.string().max(200).default('backend-playbook:')),
  NEXT_PHASE: z.string().optional(),
})

/**
 * Where this process keeps its cache: memory (one process, nothing installed) or Redis (shared
 * by every instance).
 * @typedef {{ store: 'memory' } | { store: 'redis', url: string, keyPrefix: string }} CacheConfig
 */

/**
 * Parses REDIS_URL and REDIS_KEY_PREFIX; throws one error naming every bad variable.
 * `next build` gets the memory store whatever REDIS_URL says: its workers are thrown away, and
 * their renders (possibly without a database) must not land in the cache the live site shares.
 * @param {Record<string, string | undefined>} env
 * @returns {CacheConfig}
 */
export function parseCacheConfig(env) {
  const result = envSchema.safeParse(env)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid cache configuration:\n${problems.join('\n')}`)
  }
  const { REDIS_URL: url, REDIS_KEY_PREFIX: keyPrefix, NEXT_PHASE: phase } = result.data
  if (!url || phase === 'phase-production-build') return { store: 'memory' }
  return { store: 'redis', url, keyPrefix }
}
