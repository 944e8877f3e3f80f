// @ts-check

// What the server entry reads from the environment. It runs before Next.js and outside its bundles,
// in plain JavaScript, so it parses these few variables itself; everything else is lib/config.ts's.

/**
 * @typedef {object} ServerSettings
 * @property {number} port
 * @property {string} hostname
 * @property {number} shutdownTimeoutMs
 * @property {number | undefined} keepAliveTimeoutMs
 */

/**
 * @param {string | undefined} value
 * @param {string} name
 * @param {number | undefined} fallback
 * @param {string[]} problems
 */
function wholeNumber(value, name, fallback, problems) {
  if (value === undefined || value === '') return fallback
  if (/^\d+$/.test(value)) return Number(value)
  problems.push(`${name}: must be a whole number, not ${JSON.stringify(value)}`)
  return fallback
}

/**
 * PORT (3000) and HOSTNAME (0.0.0.0) as the standalone server.js reads them, KEEP_ALIVE_TIMEOUT
 * (Node's default when unset), and SHUTDOWN_TIMEOUT_MS (8000: under `docker stop`'s 10 s, so the
 * database still closes before a SIGKILL). Throws one error naming every bad value.
 * @param {Record<string, string | undefined>} env
 * @returns {ServerSettings}
 */
export function parseServerSettings(env) {
  /** @type {string[]} */
  const problems = []
  const settings = {
    port: wholeNumber(env.PORT, 'PORT', 3000, problems) ?? 3000,
    hostname: env.HOSTNAME || '0.0.0.0',
    shutdownTimeoutMs: wholeNumber(env.SHUTDOWN_TIMEOUT_MS, 'SHUTDOWN_TIMEOUT_MS', 8000, problems) ?? 8000,
    keepAliveTimeoutMs: wholeNumber(env.KEEP_ALIVE_TIMEOUT, 'KEEP_ALIVE_TIMEOUT', undefined, problems),
  }
  if (problems.length > 0) throw new Error(`Invalid environment variables:\n  ${problems.join('\n  ')}`)
  return settings
}
