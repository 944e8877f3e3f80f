import { describe, expect, it } from 'vitest'
import { checkImport, CLOCK_SKEW_MS } from './import-line'

const now = new Date('2026-06-01T12:00:00.000Z')
const valid = {
  id: 1,
  slug: 'post-a',
  parentId: null,
  name: 'Ada',
  body: 'Nice post.',
  status: 'published',
  createdAt: '2026-01-01T00:00:00.000Z',
}

function check(values: unknown[], existing: ReadonlyMap<number, string> = new Map()) {
  const lines = values.map((value, i) => ({
    line: i + 1,
    text: typeof value === 'string' ? value : JSON.stringify(value),
  }))
  return checkImport(lines, { now, existing })
}

describe('checkImport accepts', () => {
  it('an export line, with its text normalised as the API does', () => {
    const { comments, problems } = check([{ ...valid, name: '  Ada  ', body: 'one\r\n\r\n\r\n\r\ntwo' }])
    expect(problems).toEqual([])
    expect(comments).toEqual([{ ...valid, body: 'one\n\ntwo' }])
  })

  it('every status, and a time within the clock skew', () => {
    const statuses = ['published', 'pending', 'spam', 'deleted'].map((status, i) => ({ ...valid, id: i + 1, status }))
    const skewed = { ...valid, id: 9, createdAt: new Date(now.getTime() + CLOCK_SKEW_MS).toISOString() }
    expect(check([...statuses, skewed]).problems).toEqual([])
  })

  it('a reply to an earlier line of the file, or to a comment of the same post in the database', () => {
    const { problems } = check(
      [valid, { ...valid, id: 2, parentId: 1 }, { ...valid, id: 50, parentId: 40 }],
      new Map([[40, 'post-a']]),
    )
    expect(problems).toEqual([])
  })
})

describe('checkImport refuses, naming the line and the field', () => {
  it.each([
    ['a name over 60 characters', { name: 'a'.repeat(61) }, 'Line 1, name: Use at most 60 characters for your name.'],
    ['an empty name', { name: ' ' }, 'Line 1, name: Enter your name.'],
    [
      'a name with a control character',
      { name: 'Ada\u001B[2J' },
      'Line 1, name: Your name contains characters that are not allowed ' +
        '(control, line-break or text-direction characters).',
    ],
    ['a name with a direction override', { name: 'Ada\u202E' }, expect.stringMatching(/^Line 1, name: .*not allowed/)],
    ['a body over 5000 code points', { body: '😀'.repeat(5001) }, 'Line 1, body: Use at most 5,000 characters.'],
    ['an empty body', { body: '' }, 'Line 1, body: Write a comment.'],
    ['an invisible body', { body: '\u200B\u200B' }, 'Line 1, body: Your comment must contain visible characters.'],
    ['a body with NUL', { body: 'a\u0000b' }, expect.stringMatching(/^Line 1, body: .*not allowed/)],
    [
      'a body with stacked marks',
      { body: `a${'\u0301'.repeat(30)}` },
      expect.stringMatching(/^Line 1, body: Use at most 4 accents/),
    ],
    ['a createdAt in the future', { createdAt: '2026-06-01T12:05:01.000Z' }, 'Line 1, createdAt: is in the future'],
    [
      'a createdAt far in the future, in another time zone',
      { createdAt: '2099-01-01T00:00:00+02:00' },
      'Line 1, createdAt: is in the future',
    ],
    [
      'a createdAt that is no time',
      { createdAt: 'yesterday' },
      expect.stringMatching(/^Line 1, createdAt: must be an ISO 8601 time/),
    ],
    ['an unknown status', { status: 'approved' }, 'Line 1, status: must be one of published, pending, spam, deleted'],
    ['an id of zero', { id: 0 }, 'Line 1, id: must be a whole number from 1 to 2147483647'],
    ['an id past 32 bits', { id: 2 ** 31 }, 'Line 1, id: must be a whole number from 1 to 2147483647'],
    [
      'a fractional parentId',
      { id: 5, parentId: 1.5 },
      'Line 1, parentId: must be a whole number from 1 to 2147483647',
    ],
    ['a slug with a slash', { slug: '../etc' }, expect.stringMatching(/^Line 1, slug: must be 1 to 200 characters/)],
    [
      'a slug with a control character',
      { slug: 'post\u001B' },
      expect.stringMatching(/^Line 1, slug: must be 1 to 200 characters/),
    ],
    [
      'a parentId pointing to nothing',
      { id: 5, parentId: 4 },
      'Line 1, parentId: comment 4 is neither in the file nor in the database',
    ],
    ['a parentId to itself', { id: 5, parentId: 5 }, 'Line 1, parentId: 5 is not an earlier comment than 5'],
    ['an unknown field', { clientHash: 'x' }, 'Line 1, "clientHash": is not a field of an export'],
  ])('%s', (_, change, problem) => {
    const { problems } = check([{ ...valid, ...change }])
    expect(problems).toEqual([problem])
  })

  it('a missing field, a line that is not an object and a line that is not JSON', () => {
    const withoutSlug = Object.fromEntries(Object.entries(valid).filter(([key]) => key !== 'slug'))
    expect(check([withoutSlug, '42', 'not json']).problems).toEqual([
      'Line 1, slug: is missing',
      'Line 2, line: must be a JSON object',
      'Line 3 is not JSON.',
    ])
  })

  it('a parent on another post, in the file or in the database', () => {
    const { problems } = check(
      [
        valid,
        { ...valid, id: 2, slug: 'post-b', parentId: 1 },
        { ...valid, id: 3, parentId: 2 },
        { ...valid, id: 60, parentId: 40 },
      ],
      new Map([[40, 'post-c']]),
    )
    expect(problems).toEqual([
      'Line 2, parentId: comment 1 is on another post (post-a)',
      'Line 3, parentId: comment 2 is on another post (post-b)',
      'Line 4, parentId: comment 40 is on another post (post-c)',
    ])
  })

  it('a repeated id', () => {
    expect(check([valid, valid]).problems).toEqual(['Line 2, id: 1 is on line 1 too'])
  })

  it('every refused line at once, in line order, with the parent of a line refused for other fields', () => {
    const { problems, comments } = check([
      { ...valid, status: 'x' },
      { ...valid, id: 2, parentId: 1 },
      { ...valid, id: 100, parentId: 99, createdAt: '2100-01-01T00:00:00Z', name: '' },
    ])
    expect(problems).toEqual([
      'Line 1, status: must be one of published, pending, spam, deleted',
      'Line 3, name: Enter your name.',
      'Line 3, createdAt: is in the future',
      'Line 3, parentId: comment 99 is neither in the file nor in the database',
    ])
    expect(comments.map((comment) => comment.id)).toEqual([2])
  })
})
