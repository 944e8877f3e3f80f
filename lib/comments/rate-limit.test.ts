import { describe, expect, it } from 'vitest'
import { hasLink, decideStatus } from './moderation'
import { decideRateLimit, type RateCounts } from './rate-limit'

const limits = { perClient: 5, perPost: 30, perSite: 200, windowSeconds: 600 }
const now = new Date('2026-01-01T12:00:00Z')
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000)
const counts = (client: number, post = client, site = post, oldest = ago(100)): RateCounts => ({
  client: { count: client, oldest },
  post: { count: post, oldest },
  site: { count: site, oldest },
})

describe('decideRateLimit', () => {
  it('allows up to the limit, then refuses until the oldest comment leaves the window', () => {
    expect(decideRateLimit(counts(4), limits, now)).toEqual({ isAllowed: true })
    expect(decideRateLimit(counts(5), limits, now)).toEqual({
      isAllowed: false,
      scope: 'client',
      retryAfterSeconds: 500,
    })
  })

  it('applies the per-post and per-site caps whatever the client', () => {
    expect(decideRateLimit(counts(0, 30, 30), limits, now)).toMatchObject({ isAllowed: false, scope: 'post' })
    expect(decideRateLimit(counts(0, 0, 200), limits, now)).toMatchObject({ isAllowed: false, scope: 'site' })
  })

  it('waits at least one second', () => {
    expect(decideRateLimit(counts(5, 5, 5, ago(600)), limits, now)).toMatchObject({ retryAfterSeconds: 1 })
  })
})

describe('moderation', () => {
  it.each([
    ['https://example.com', true],
    ['see www.example.com', true],
    ['example.com/path', true],
    ['[text](x)', true],
    ['<a href=x>', true],
    ['ftp://files', true],
    ['I use Node.js and Next.js, e.g. with PostgreSQL 16.2', false],
    ['no links here.', false],
  ])('hasLink(%j) is %s', (text, expected) => {
    expect(hasLink(text)).toBe(expected)
  })

  it('holds comments with links in "links" mode, all in "all", none in "off"; a filled honeypot is spam', () => {
    const plain = { name: 'Ada', body: 'Thanks' }
    const linked = { name: 'Ada', body: 'see https://example.com' }
    expect(decideStatus(plain, 'links')).toBe('published')
    expect(decideStatus(linked, 'links')).toBe('pending')
    expect(decideStatus({ name: 'www.spam.example', body: 'hi' }, 'links')).toBe('pending')
    expect(decideStatus(linked, 'off')).toBe('published')
    expect(decideStatus(plain, 'all')).toBe('pending')
    expect(decideStatus({ ...plain, website: 'http://bot' }, 'off')).toBe('spam')
  })
})
