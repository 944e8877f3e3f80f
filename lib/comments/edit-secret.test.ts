import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createEditSecret, hashEditSecret, matchesEditSecret, readBearerSecret } from './edit-secret'

describe('edit secrets', () => {
  it('are 32 random bytes in base64url, and differ every time', () => {
    const secret = createEditSecret()
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32)
    expect(new Set(Array.from({ length: 50 }, createEditSecret)).size).toBe(50)
  })

  it('are stored as their SHA-256 in hex, never as themselves', () => {
    const secret = createEditSecret()
    expect(hashEditSecret(secret)).toBe(createHash('sha256').update(secret).digest('hex'))
    expect(hashEditSecret(secret)).not.toContain(secret)
  })

  it('match only the secret whose hash is stored', () => {
    const secret = createEditSecret()
    const stored = hashEditSecret(secret)
    expect(matchesEditSecret(secret, stored)).toBe(true)
    expect(matchesEditSecret(createEditSecret(), stored)).toBe(false)
    expect(matchesEditSecret(secret.slice(0, -1), stored)).toBe(false)
    // The hash itself is not a secret that works, and a comment without a hash matches nothing.
    expect(matchesEditSecret(stored, stored)).toBe(false)
    expect(matchesEditSecret(secret, null)).toBe(false)
    expect(matchesEditSecret(secret, 'not-a-hash')).toBe(false)
  })

  it('are read from Authorization: Bearer only', () => {
    expect(readBearerSecret('Bearer abc_DEF-123')).toEqual({ kind: 'present', secret: 'abc_DEF-123' })
    expect(readBearerSecret('  bearer abc ')).toEqual({ kind: 'present', secret: 'abc' })
    for (const header of [null, '', 'Bearer', 'Bearer ', 'Basic abc', 'abc', 'Bearer a b'])
      expect(readBearerSecret(header)).toEqual({ kind: 'missing' })
  })
})
