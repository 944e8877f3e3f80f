// @ts-check
import { z } from 'zod'

const emptyAsUnset = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value))

/**
 * The cache's variables, for the site's own configuration (lib/config.ts) to include, so that there
 * is one definition and one error for every bad variable. The handlers parse them here themselves:
 * Next.js loads them outside the app bundle.
 */
export const cacheEnvShape = {
  // The message never echoes the value: a Redis URL usually carries a password.
  REDIS_URL: emptyAsUnset.pipe(
    z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  ),
  REDIS_KEY_PREFIX: emptyAsUnset.pipe(z.string().max(200).default('backend-playbook:')),
  NEXT_PHASE: z.string().optional(),
}

const envSchema = z.object(cacheEnvShape)

/**
 * Where this process keeps its cache: memory (one process, nothing installed) or Redis (shared
 * by every instance).
 * @typedef {{ store: 'memory' } | { store: 'redis', url: string, keyPrefix: string }} CacheConfig
 */

/**
 * `next build` gets the memory store whatever REDIS_URL says: its workers are thrown away, and
 * their renders (possibly without a database) must not land in the cache the live site shares.
 * @param {z.infer<typeof envSchema>} env the variables of `cacheEnvShape`, parsed
 * @returns {CacheConfig}
 */
export function toCacheConfig({ REDIS_URL: url, REDIS_KEY_PREFIX: keyPrefix, NEXT_PHASE: phase }) {
  if (!url || phase === 'phase-production-build') return { store: 'memory' }
  return { store: 'redis', url, keyPrefix }
}

/**
 * Parses REDIS_URL and REDIS_KEY_PREFIX; throws one error naming every bad variable.
 * @param {Record<string, string | undefined>} env
 * @returns {CacheConfig}
 */
export function parseCacheConfig(env) {
  const result = envSchema.safeParse(env)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid cache configuration:\n${problems.join('\n')}`)
  }
  return toCacheConfig(result.data)
}
