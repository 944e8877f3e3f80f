import { describe, expect, it } from 'vitest'
import { parseEnv } from './env'

describe('start-up checks', () => {
  it('refuse a production server without SITE_URL, except on Vercel, which provides its address', async () => {
    const { findStartupProblems } = await import('./env')
    expect(findStartupProblems(parseEnv({ NODE_ENV: 'production' }))).toEqual([expect.stringContaining('SITE_URL is not set')])
    expect(findStartupProblems(parseEnv({ NODE_ENV: 'production', SITE_URL: 'https://blog.example.com' }))).toEqual([])
    expect(findStartupProblems(parseEnv({ NODE_ENV: 'production', VERCEL: '1' }))).toEqual([])
    expect(findStartupProblems(parseEnv({ NODE_ENV: 'development' }))).toEqual([])
  })

  it('warn in production without COMMENT_IP_SECRET', async () => {
    const { findStartupWarnings } = await import('./env')
    expect(findStartupWarnings(parseEnv({ NODE_ENV: 'production' }))).toEqual([expect.stringContaining('COMMENT_IP_SECRET is not set')])
    expect(findStartupWarnings(parseEnv({ NODE_ENV: 'production', COMMENT_IP_SECRET: 'x'.repeat(32) }))).toEqual([])
  })
})
