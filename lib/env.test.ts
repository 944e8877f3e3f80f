import { describe, expect, it } from 'vitest'
import { parseEnv } from './env'

describe('SHUTDOWN_TIMEOUT_MS', () => {
  const timeout = (value: string | undefined) => parseEnv({ SHUTDOWN_TIMEOUT_MS: value }).SHUTDOWN_TIMEOUT_MS

  it('defaults to 8000 ms and accepts whole milliseconds', () => {
    expect(timeout(undefined)).toBe(8000)
    expect(timeout('')).toBe(8000)
    expect(timeout('0')).toBe(0)
    expect(timeout('25000')).toBe(25000)
  })
  it('rejects anything else', () => {
    for (const value of ['-1', '1.5', '10s', 'abc']) expect(() => timeout(value)).toThrow('SHUTDOWN_TIMEOUT_MS')
  })
})

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
    expect(findStartupWarnings(parseEnv({ NODE_ENV: 'production', MODERATION_SECRET: 'm'.repeat(32) }))).toEqual([expect.stringContaining('COMMENT_IP_SECRET is not set')])
    expect(findStartupWarnings(parseEnv({ NODE_ENV: 'production', COMMENT_IP_SECRET: 'x'.repeat(32), MODERATION_SECRET: 'm'.repeat(32) }))).toEqual([])
  })

  it('say what of moderation by e-mail and link is off in production', async () => {
    const { findStartupWarnings } = await import('./env')
    const base = { NODE_ENV: 'production', COMMENT_IP_SECRET: 'x'.repeat(32) }
    expect(findStartupWarnings(parseEnv(base))).toEqual([expect.stringContaining('Moderation links are off')])
    expect(findStartupWarnings(parseEnv({ ...base, REVALIDATE_SECRET: 'r'.repeat(32) }))).toEqual([])
    expect(findStartupWarnings(parseEnv({ ...base, MODERATION_SECRET: 'm'.repeat(32), SMTP_URL: 'smtp://127.0.0.1:25' }))).toEqual([
      expect.stringContaining('COMMENT_NOTIFY_EMAIL is not set'),
    ])
    expect(findStartupWarnings(parseEnv({ ...base, SMTP_URL: 'smtp://127.0.0.1:25', COMMENT_NOTIFY_EMAIL: 'me@example.com' }))).toEqual([
      expect.stringContaining('Comment e-mails are off'),
      expect.stringContaining('Moderation links are off'),
    ])
    expect(() => parseEnv({ SMTP_URL: 'https://mail.example.com' })).toThrow(/SMTP_URL/)
    expect(() => parseEnv({ MODERATION_SECRET: 'short' })).toThrow(/MODERATION_SECRET/)
  })
})
