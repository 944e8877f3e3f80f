import { describe, expect, it } from 'vitest'
import { assignCommentIds, prepareComments, type PreparedComment } from './comment-records'
import type { BloggerComment } from './types'

const comment = (id: string, extra: Partial<BloggerComment> = {}): BloggerComment => ({
  id,
  postId: 'p1',
  parentId: undefined,
  author: `Author ${id}`,
  html: `Text ${id}`,
  published: `2024-05-0${id.length}T10:00:0${id.slice(-1)}.000+02:00`,
  isLive: true,
  bloggerStatus: 'LIVE',
  ...extra,
})
const slugs = new Map([['p1', 'post-one']])

describe('prepareComments', () => {
  it('attaches a reply to a reply to the top-level comment of its thread, and sorts by time', () => {
    const plan = prepareComments(
      [comment('c3', { parentId: 'c2' }), comment('c1'), comment('c2', { parentId: 'c1' })],
      slugs,
    )
    expect(plan.comments.map((c) => [c.bloggerId, c.parentBloggerId])).toEqual([
      ['c1', undefined],
      ['c2', 'c1'],
      ['c3', 'c1'],
    ])
    expect(plan.comments[0]).toEqual({
      bloggerId: 'c1',
      parentBloggerId: undefined,
      slug: 'post-one',
      name: 'Author c1',
      body: 'Text c1',
      createdAt: '2024-05-02T08:00:01.000Z',
    })
  })

  it('leaves deleted comments out; their replies move up to the nearest live comment, or to the top level', () => {
    const plan = prepareComments(
      [
        comment('a1'),
        comment('a2', { parentId: 'a1', isLive: false, bloggerStatus: 'SOFT_TRASHED' }),
        comment('a3', { parentId: 'a2' }),
        comment('b1', { isLive: false, bloggerStatus: 'REMOVED' }),
        comment('b2', { parentId: 'b1' }),
      ],
      slugs,
    )
    expect(plan.comments.map((c) => [c.bloggerId, c.parentBloggerId])).toEqual([
      ['a1', undefined],
      ['b2', undefined],
      ['a3', 'a1'],
    ])
    expect(plan.leftOut).toEqual([
      { bloggerId: 'a2', reason: 'deleted (SOFT_TRASHED)' },
      { bloggerId: 'b1', reason: 'deleted (REMOVED)' },
    ])
  })

  it('follows a classic reply that points at the comment instead of the post', () => {
    const plan = prepareComments([comment('c1'), comment('c2', { postId: 'c1' })], slugs)
    expect(plan.comments.find((c) => c.bloggerId === 'c2')).toMatchObject({ slug: 'post-one', parentBloggerId: 'c1' })
  })

  it('leaves out comments on posts that were not imported, without a date or without text', () => {
    const plan = prepareComments(
      [comment('x1', { postId: 'trashed' }), comment('y1', { published: '' }), comment('z1', { html: '<br />' })],
      slugs,
    )
    expect(plan.comments).toEqual([])
    expect(plan.leftOut.map((c) => c.reason)).toEqual([
      'its post trashed is not imported (a trashed post, a page or missing)',
      'it has no date',
      'it has no text',
    ])
  })

  it('fits names and texts to the store’s rules: plain text, one-line names, limits, "Anonymous" for none', () => {
    const plan = prepareComments(
      [
        comment('n1', {
          author: '  Ada\u202E\nLovelace ',
          html: 'Line 1<br />Line 2 <a href="https://example.com">docs</a>',
        }),
        comment('n2', { author: '', html: 'x'.repeat(6000) }),
        comment('n3', { author: 'N'.repeat(80) }),
      ],
      slugs,
    )
    const [n1, n2, n3] = ['n1', 'n2', 'n3'].map((id) => plan.comments.find((c) => c.bloggerId === id))
    expect(n1).toMatchObject({ name: 'Ada Lovelace', body: 'Line 1\nLine 2 docs (https://example.com)' })
    expect(n2?.name).toBe('Anonymous')
    expect(Array.from(n2?.body ?? '')).toHaveLength(5000)
    expect(Array.from(n3?.name ?? '')).toHaveLength(60)
    expect(plan.notes).toEqual([
      'comment n2: text shortened to 5000 characters',
      'comment n3: name shortened to 60 characters',
    ])
  })
})

describe('assignCommentIds', () => {
  const prepared: PreparedComment[] = [
    {
      bloggerId: 'c1',
      parentBloggerId: undefined,
      slug: 's',
      name: 'Ada',
      body: 'Hello',
      createdAt: '2024-05-01T10:00:00.000Z',
    },
    {
      bloggerId: 'c2',
      parentBloggerId: 'c1',
      slug: 's',
      name: 'Bob',
      body: 'Hi',
      createdAt: '2024-05-01T11:00:00.000Z',
    },
  ]

  it('numbers new comments after the highest id in use and links replies by those ids', () => {
    const { records, alreadyPresent } = assignCommentIds(prepared, [
      { id: 41, slug: 'other', name: 'Site', body: 'A site comment', createdAt: '2026-01-01T00:00:00.000Z' },
    ])
    expect(alreadyPresent).toBe(0)
    expect(records).toEqual([
      {
        id: 42,
        slug: 's',
        parentId: null,
        name: 'Ada',
        body: 'Hello',
        status: 'published',
        createdAt: '2024-05-01T10:00:00.000Z',
      },
      {
        id: 43,
        slug: 's',
        parentId: 42,
        name: 'Bob',
        body: 'Hi',
        status: 'published',
        createdAt: '2024-05-01T11:00:00.000Z',
      },
    ])
  })

  it('recognises comments a past import stored: a second run adds nothing; a new reply joins its stored parent', () => {
    const stored = [{ id: 7, slug: 's', name: 'Ada', body: 'Hello', createdAt: '2024-05-01T10:00:00+00:00' }]
    const { records, alreadyPresent } = assignCommentIds(prepared, stored)
    expect(alreadyPresent).toBe(1)
    expect(records).toEqual([expect.objectContaining({ id: 8, parentId: 7, name: 'Bob' })])
    expect(
      assignCommentIds(prepared, [
        ...stored,
        { id: 8, slug: 's', name: 'Bob', body: 'Hi', createdAt: '2024-05-01T11:00:00.000Z' },
      ]),
    ).toEqual({ records: [], alreadyPresent: 2 })
  })

  it('keeps two identical comments as two', () => {
    const twice = [prepared[0], { ...prepared[0], bloggerId: 'c1b' }].filter(
      (c): c is PreparedComment => c !== undefined,
    )
    const first = assignCommentIds(twice, [])
    expect(first.records.map((record) => record.id)).toEqual([1, 2])
    expect(assignCommentIds(twice, first.records).records).toEqual([])
  })
})
