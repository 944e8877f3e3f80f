import { describe, expect, it } from 'vitest'
import {
  createModerationLinks,
  deriveModerationKey,
  MODERATION_LINK_SECONDS,
  signModerationToken,
  verifyModerationToken,
} from './moderation-token'

const key = 'k'.repeat(32)
const now = new Date('2026-12-01T10:00:00Z')
const inAWeek = new Date(now.getTime() + MODERATION_LINK_SECONDS * 1000)

describe('moderation tokens', () => {
  it('accepts a token for its comment, scope and any action while it has not expired', () => {
    const token = signModerationToken(key, 42, 'moderate', inAWeek)
    expect(verifyModerationToken(key, token, 42, undefined, now)).toEqual({
      isValid: true,
      scope: 'moderate',
      expiresAt: inAWeek,
    })
    for (const action of ['approve', 'delete', 'spam'] as const)
      expect(verifyModerationToken(key, token, 42, action, now).isValid).toBe(true)
  })

  it('refuses an expired token, saying when it expired', () => {
    const token = signModerationToken(key, 42, 'moderate', inAWeek)
    expect(verifyModerationToken(key, token, 42, 'approve', inAWeek)).toEqual({
      isValid: false,
      reason: 'expired',
      expiresAt: inAWeek,
    })
    expect(verifyModerationToken(key, token, 42, undefined, new Date(inAWeek.getTime() - 1000)).isValid).toBe(true)
  })

  it('refuses a token for another comment, another key, or with a tampered expiry, scope or signature', () => {
    const token = signModerationToken(key, 42, 'approve', inAWeek)
    const [expiry = '', scope = '', signature = ''] = token.split('.')
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`
    expect(verifyModerationToken(key, token, 43, 'approve', now)).toEqual({ isValid: false, reason: 'bad-signature' })
    expect(verifyModerationToken('x'.repeat(32), token, 42, 'approve', now)).toEqual({
      isValid: false,
      reason: 'bad-signature',
    })
    expect(verifyModerationToken(key, `${Number(expiry) + 86400}.${scope}.${signature}`, 42, 'approve', now)).toEqual({
      isValid: false,
      reason: 'bad-signature',
    })
    expect(verifyModerationToken(key, `${expiry}.moderate.${signature}`, 42, 'delete', now)).toEqual({
      isValid: false,
      reason: 'bad-signature',
    })
    expect(verifyModerationToken(key, `${expiry}.${scope}.${flipped}`, 42, 'approve', now)).toEqual({
      isValid: false,
      reason: 'bad-signature',
    })
  })

  it('refuses a one-action token for another action (the page shows it; the POST of another action is refused)', () => {
    const token = signModerationToken(key, 42, 'approve', inAWeek)
    expect(verifyModerationToken(key, token, 42, 'approve', now).isValid).toBe(true)
    expect(verifyModerationToken(key, token, 42, undefined, now)).toMatchObject({ isValid: true, scope: 'approve' })
    expect(verifyModerationToken(key, token, 42, 'delete', now)).toEqual({ isValid: false, reason: 'wrong-scope' })
    expect(verifyModerationToken(key, token, 42, 'spam', now)).toEqual({ isValid: false, reason: 'wrong-scope' })
  })

  it('refuses malformed tokens', () => {
    for (const token of [
      '',
      'abc',
      '1765000000.admin.' + 'a'.repeat(43),
      '1765000000.approve.' + 'a'.repeat(42),
      ' 1765000000.approve.' + 'a'.repeat(43),
    ]) {
      expect(verifyModerationToken(key, token, 42, undefined, now)).toEqual({ isValid: false, reason: 'malformed' })
    }
  })

  it('builds links on the site with the page link and one per action, each verifiable', () => {
    const links = createModerationLinks(key, 'https://blog.example.com', 7, now)
    expect(links.expiresAt).toBe(inAWeek.toISOString())
    const page = new URL(links.url)
    expect(`${page.origin}${page.pathname}`).toBe('https://blog.example.com/moderate/7')
    expect(verifyModerationToken(key, page.searchParams.get('token') ?? '', 7, 'spam', now).isValid).toBe(true)
    const approve = new URL(links.actions.approve).searchParams.get('token') ?? ''
    expect(verifyModerationToken(key, approve, 7, 'approve', now).isValid).toBe(true)
    expect(verifyModerationToken(key, approve, 7, 'delete', now).isValid).toBe(false)
  })
})

describe('the moderation key', () => {
  it('is MODERATION_SECRET, else derived from REVALIDATE_SECRET (never equal to it), else off', () => {
    expect(deriveModerationKey({ MODERATION_SECRET: key, REVALIDATE_SECRET: 'r'.repeat(32) })).toBe(key)
    const derived = deriveModerationKey({ REVALIDATE_SECRET: 'r'.repeat(32) })
    expect(derived).toMatch(/^[0-9a-f]{64}$/)
    expect(derived).not.toBe('r'.repeat(32))
    expect(deriveModerationKey({})).toBeUndefined()
  })
})
