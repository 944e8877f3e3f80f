import { describe, expect, it } from 'vitest'
import type { PublicComment } from './types'
import { buildThreads, countLabel } from './thread'

const comment = (
  id: number,
  parentId: number | null,
  status: PublicComment['status'] = 'published',
): PublicComment => ({
  id,
  parentId,
  name: status === 'published' ? `n${id}` : null,
  body: status === 'published' ? `b${id}` : null,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, id)).toISOString(),
  editedAt: null,
  status,
})

describe('buildThreads', () => {
  it('nests replies under their parent in order, and keeps an orphaned reply at the top level', () => {
    const threads = buildThreads([
      comment(1, null),
      comment(2, 1),
      comment(3, null, 'deleted'),
      comment(4, 3),
      comment(5, 99),
      comment(6, 1),
    ])
    expect(threads.map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([
      [1, [2, 6]],
      [3, [4]],
      [5, []],
    ])
  })
})

describe('countLabel', () => {
  it('counts published comments only, in words', () => {
    expect(countLabel([])).toBe('0 comments')
    expect(countLabel([comment(1, null)])).toBe('1 comment')
    expect(countLabel([comment(1, null), comment(2, null, 'deleted'), comment(3, 2), comment(4, null)])).toBe(
      '3 comments',
    )
  })
})
