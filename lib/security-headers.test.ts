import { describe, expect, it } from 'vitest'
import { securityHeaders } from './security-headers'

describe('securityHeaders', () => {
  it('has no colon in any value: Next.js compiles such a value as a path template on every response', () => {
    for (const isProduction of [true, false]) {
      for (const { key, value } of securityHeaders({ isProduction, isHttps: true }))
        expect(value, key).not.toContain(':')
    }
  })
})
