import { describe, expect, it } from 'vitest'
import { isAdminSessionValid, isPasswordCorrect, LoginThrottle, signAdminSession } from './admin-session'

const key = 'a'.repeat(64)
const now = new Date('2026-12-01T10:00:00Z')
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000)

describe('the admin password', () => {
  it('matches only the exact password', () => {
    expect(isPasswordCorrect('correct horse battery', 'correct horse battery')).toBe(true)
    for (const wrong of ['', 'correct horse batter', 'correct horse battery ', 'Correct horse battery'])
      expect(isPasswordCorrect(wrong, 'correct horse battery')).toBe(false)
  })
})

describe('the admin session cookie', () => {
  it('is valid until it expires', () => {
    const cookie = signAdminSession(key, later(3600))
    expect(isAdminSessionValid(key, cookie, now)).toBe(true)
    expect(isAdminSessionValid(key, cookie, later(3600))).toBe(false)
  })

  it('is refused when tampered with, signed with another key, or missing', () => {
    const cookie = signAdminSession(key, later(3600))
    const [expiry = '', signature = ''] = cookie.split('.')
    expect(isAdminSessionValid(key, `${Number(expiry) + 86400}.${signature}`, now)).toBe(false)
    expect(
      isAdminSessionValid(key, `${expiry}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`, now),
    ).toBe(false)
    expect(isAdminSessionValid('b'.repeat(64), cookie, now)).toBe(false)
    for (const value of [undefined, '', 'admin', `${expiry}.`, `${cookie}x`])
      expect(isAdminSessionValid(key, value, now)).toBe(false)
  })
})

describe('the login throttle', () => {
  it('refuses a client after its limit of failures until the oldest leaves the window', () => {
    const throttle = new LoginThrottle({ perClient: 3, perSite: 100, windowSeconds: 600 })
    for (let i = 0; i < 3; i++) {
      expect(throttle.decide('1.2.3.4', later(i))).toEqual({ isAllowed: true })
      throttle.recordFailure('1.2.3.4', later(i))
    }
    expect(throttle.decide('1.2.3.4', later(10))).toEqual({ isAllowed: false, retryAfterSeconds: 590 })
    expect(throttle.decide('5.6.7.8', later(10))).toEqual({ isAllowed: true })
    expect(throttle.decide('1.2.3.4', later(601))).toEqual({ isAllowed: true })
  })

  it('refuses everyone once the whole site has had its limit of failures', () => {
    const throttle = new LoginThrottle({ perClient: 100, perSite: 4, windowSeconds: 600 })
    for (let i = 0; i < 4; i++) throttle.recordFailure(`10.0.0.${i}`, now)
    expect(throttle.decide('192.0.2.1', later(1))).toEqual({ isAllowed: false, retryAfterSeconds: 599 })
  })
})
