import { describe, expect, it } from 'vitest'
import { decideEditStatus } from './edit'

// Which status an edited text gets. The use case around it (secret, window, limit, invalidation) is
// tested through the route handler in app/api/comments/[id]/route.test.ts.

const published = { name: 'Ada', body: 'Plain words.', status: 'published' as const }
const withLink = { name: 'Ada', body: 'See https://example.com/a for more.', status: 'published' as const }

describe('decideEditStatus', () => {
  it('publishes an edit without links, whatever the comment was', () => {
    expect(decideEditStatus(published, { name: 'Ada', body: 'Better words.' }, 'links')).toBe('published')
    expect(decideEditStatus({ ...published, status: 'pending' }, { name: 'Ada', body: 'No link now.' }, 'links')).toBe(
      'published',
    )
    expect(decideEditStatus(published, { name: 'Ada', body: 'https://example.com' }, 'off')).toBe('published')
  })

  it('holds a published comment again when the edit adds a link, in the text or in the name', () => {
    expect(decideEditStatus(published, { name: 'Ada', body: 'Now with https://spam.example' }, 'links')).toBe('pending')
    expect(decideEditStatus(published, { name: 'spam.example', body: 'Plain words.' }, 'links')).toBe('pending')
    expect(
      decideEditStatus(withLink, { name: 'Ada', body: 'See https://example.com/a and https://other.example' }, 'links'),
    ).toBe('pending')
    expect(decideEditStatus(withLink, { name: 'Ada', body: 'See https://example.com/b instead.' }, 'links')).toBe(
      'pending',
    )
  })

  it('keeps a published comment published when it keeps only the links it had', () => {
    expect(decideEditStatus(withLink, { name: 'Ada', body: 'See https://example.com/a, fixed a typo.' }, 'links')).toBe(
      'published',
    )
    expect(decideEditStatus(withLink, { name: 'Ada', body: 'No link any more.' }, 'links')).toBe('published')
  })

  it('keeps a held comment held while it has a link, holds every edit under `all`, and leaves spam spam', () => {
    expect(
      decideEditStatus({ ...withLink, status: 'pending' }, { name: 'Ada', body: 'See https://example.com/a' }, 'links'),
    ).toBe('pending')
    expect(decideEditStatus(published, { name: 'Ada', body: 'Any change.' }, 'all')).toBe('pending')
    expect(decideEditStatus({ ...published, status: 'spam' }, { name: 'Ada', body: 'Plain.' }, 'links')).toBe('spam')
  })
})
