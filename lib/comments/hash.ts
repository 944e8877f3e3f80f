import { createHash } from 'node:crypto'

/** SHA-256 of a comment body: detects "the same comment again" without comparing long texts. */
export function hashBody(body: string): string {
  return createHash('sha256').update(body).digest('hex')
}
