import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

// The secret that lets a comment's writer edit or delete it (issue 12). The writer's browser keeps
// it; the database keeps only its SHA-256, so a copy of the database cannot be used to edit anything.

/** 32 random bytes, base64url: 43 characters. */
export function createEditSecret(): string {
  return randomBytes(32).toString('base64url')
}

export function hashEditSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/**
 * Whether `secret` is the one whose hash is stored. Both sides are compared as SHA-256 digests of
 * equal length in constant time: neither the content nor the length leaks through timing.
 */
export function matchesEditSecret(secret: string, storedHash: string | null): boolean {
  if (storedHash === null || !/^[0-9a-f]{64}$/.test(storedHash)) return false
  return timingSafeEqual(Buffer.from(hashEditSecret(secret), 'hex'), Buffer.from(storedHash, 'hex'))
}

export type BearerSecret = { kind: 'missing' } | { kind: 'present'; secret: string }

/** `Authorization: Bearer <secret>`; any other scheme, or none, is missing. */
export function readBearerSecret(header: string | null): BearerSecret {
  const match = /^Bearer +(\S{1,512})$/i.exec(header?.trim() ?? '')
  return match?.[1] ? { kind: 'present', secret: match[1] } : { kind: 'missing' }
}
