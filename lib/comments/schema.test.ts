import { describe, expect, it } from 'vitest'
import { commentInputSchema, describeProblems } from './schema'
import { countCharacters } from './text'

const valid = { slug: 'a-post-about-queues', name: 'Ada', body: 'Nice post.' }

function problems(input: Record<string, unknown>) {
  const result = commentInputSchema.safeParse(input)
  if (result.success) throw new Error(`expected a rejection, got ${JSON.stringify(result.data)}`)
  return describeProblems(result.error)
}

describe('commentInputSchema accepts', () => {
  it.each([
    ['a plain comment', valid, { name: 'Ada', body: 'Nice post.' }],
    [
      'surrounding whitespace, trimmed',
      { ...valid, name: '  Ada  ', body: '\n Nice post. \n' },
      { name: 'Ada', body: 'Nice post.' },
    ],
    ['CRLF line breaks from a form, as \\n', { ...valid, body: 'one\r\ntwo\rthree' }, { body: 'one\ntwo\nthree' }],
    ['tabs and line breaks inside the body', { ...valid, body: 'a\tb\n\nc' }, { body: 'a\tb\n\nc' }],
    [
      'a 60-code-point name of emoji (120 UTF-16 units)',
      { ...valid, name: '😀'.repeat(60) },
      { name: '😀'.repeat(60) },
    ],
    ['a 5000-character body', { ...valid, body: 'x'.repeat(5000) }, { body: 'x'.repeat(5000) }],
    ['decomposed accents, composed (NFC)', { ...valid, name: 'Jose\u0301' }, { name: 'José' }],
    ['a name with a ZWJ emoji sequence', { ...valid, name: 'Family 👨‍👩‍👧' }, { name: 'Family 👨‍👩‍👧' }],
    [
      'right-to-left text in the body, with an override',
      { ...valid, body: 'שלום \u202Ereversed' },
      { body: 'שלום \u202Ereversed' },
    ],
    [
      'markup, kept as text',
      { ...valid, name: '<img src=x onerror=alert(1)>', body: '<script>alert(1)</script>' },
      { name: '<img src=x onerror=alert(1)>' },
    ],
    ['a parentId as a number', { ...valid, parentId: 7 }, { parentId: 7 }],
    ['a parentId as form digits', { ...valid, parentId: '42' }, { parentId: 42 }],
    ['an empty parentId from a form, as none', { ...valid, parentId: '' }, { parentId: undefined }],
    ['a null parentId, as none', { ...valid, parentId: null }, { parentId: undefined }],
    ['an idempotency key', { ...valid, idempotencyKey: 'a1b2-c3d4' }, { idempotencyKey: 'a1b2-c3d4' }],
    ['an empty honeypot', { ...valid, website: '' }, { website: '' }],
  ])('%s', (_, input, expected) => {
    const result = commentInputSchema.safeParse(input)
    expect(result.success && result.data).toMatchObject(expected)
  })
})

describe('commentInputSchema rejects, with the field and the message', () => {
  it.each([
    ['a missing name', { slug: valid.slug, body: 'x' }, 'name', 'Enter your name.'],
    ['an empty name', { ...valid, name: '' }, 'name', 'Enter your name.'],
    ['a blank name', { ...valid, name: ' \t ' }, 'name', 'Enter your name.'],
    [
      'a name of zero-width spaces',
      { ...valid, name: '\u200B\u200B' },
      'name',
      'Your name must contain visible characters.',
    ],
    [
      'a name of Hangul fillers',
      { ...valid, name: '\u3164\u3164' },
      'name',
      'Your name must contain visible characters.',
    ],
    ['a 61-character name', { ...valid, name: 'a'.repeat(61) }, 'name', 'Use at most 60 characters for your name.'],
    ['a name with NUL', { ...valid, name: 'Ad\u0000a' }, 'name', expect.stringContaining('not allowed')],
    ['a name with a line break', { ...valid, name: 'Ada\nAdmin' }, 'name', expect.stringContaining('not allowed')],
    [
      'a name with a bidi override',
      { ...valid, name: 'Ada\u202Enimda' },
      'name',
      expect.stringContaining('not allowed'),
    ],
    ['a name with a bidi isolate', { ...valid, name: '\u2067Ada' }, 'name', expect.stringContaining('not allowed')],
    [
      'a name with a right-to-left mark',
      { ...valid, name: 'Ada\u200F' },
      'name',
      expect.stringContaining('not allowed'),
    ],
    ['a name with a lone surrogate', { ...valid, name: 'Ada\uD800' }, 'name', expect.stringContaining('not allowed')],
    ['a name that is not a string', { ...valid, name: 42 }, 'name', 'Enter your name.'],
    ['a missing body', { slug: valid.slug, name: 'Ada' }, 'body', 'Write a comment.'],
    ['an empty body', { ...valid, body: '' }, 'body', 'Write a comment.'],
    ['a body of whitespace', { ...valid, body: '\n\n   \n' }, 'body', 'Write a comment.'],
    [
      'a body of invisible characters',
      { ...valid, body: '\u200B\u2060\uFEFF\u00AD' },
      'body',
      'Your comment must contain visible characters.',
    ],
    [
      'a body of braille blanks',
      { ...valid, body: '\u2800\u2800' },
      'body',
      'Your comment must contain visible characters.',
    ],
    ['a 5001-character body', { ...valid, body: 'x'.repeat(5001) }, 'body', 'Use at most 5,000 characters.'],
    ['a body with NUL', { ...valid, body: 'a\u0000b' }, 'body', expect.stringContaining('not allowed')],
    [
      'a body with an escape character',
      { ...valid, body: 'a\u001B[31mred' },
      'body',
      expect.stringContaining('not allowed'),
    ],
    [
      'a body with a lone low surrogate',
      { ...valid, body: 'a\uDC00b' },
      'body',
      expect.stringContaining('not allowed'),
    ],
    ['a parentId of zero', { ...valid, parentId: 0 }, 'parentId', expect.stringContaining('replying to')],
    ['a fractional parentId', { ...valid, parentId: 1.5 }, 'parentId', expect.stringContaining('replying to')],
    ['a parentId of letters', { ...valid, parentId: '12abc' }, 'parentId', expect.stringContaining('replying to')],
    ['a parentId past 32 bits', { ...valid, parentId: 2 ** 31 }, 'parentId', expect.stringContaining('replying to')],
    [
      'an idempotency key with a space',
      { ...valid, idempotencyKey: 'a b' },
      'idempotencyKey',
      expect.stringContaining('idempotency key'),
    ],
    [
      'an idempotency key of 129 characters',
      { ...valid, idempotencyKey: 'k'.repeat(129) },
      'idempotencyKey',
      expect.stringContaining('idempotency key'),
    ],
    ['a slug with a slash', { ...valid, slug: '../etc' }, 'slug', expect.stringContaining('valid post')],
    ['a missing slug', { name: 'Ada', body: 'x' }, 'slug', expect.stringContaining('valid post')],
    ['an unknown field', { ...valid, email: 'a@b.c' }, 'email', 'This field is not accepted.'],
  ])('%s', (_, input, field, message) => {
    const { fieldErrors } = problems(input)
    expect(fieldErrors[field]).toEqual([message])
  })

  it('reports every bad field at once, with stable codes for the no-JavaScript redirect', () => {
    const { codes, fieldErrors } = problems({ slug: valid.slug, name: '', body: 'x'.repeat(5001), extra: 1 })
    expect(codes).toEqual(['name-required', 'body-too-long', 'unknown-field'])
    expect(Object.keys(fieldErrors).sort()).toEqual(['body', 'extra', 'name'])
  })
})

describe('countCharacters', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(countCharacters('a😀é')).toBe(3)
  })
})
