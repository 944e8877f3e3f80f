import { describe, expect, it } from 'vitest'
import { openDb, type Db } from '@/lib/db'
import { engines, openDatabaseForSuite } from '@/test/support/databases'
import { hashBody } from './hash'
import {
  countPublishedComments,
  countRecentComments,
  exportComments,
  findCommentByIdempotencyKey,
  forgetWriterData,
  hasRecentDuplicate,
  importComments,
  insertComment,
  listRecentPublishedComments,
  listVisibleComments,
  setCommentStatus,
  updateCommentText,
  type NewComment,
} from './store'

// The SQL of the comment store on both engines. The rules that use it are tested in submit.test.ts.

const at = (iso: string) => new Date(iso)
let sequence = 0
function row(overrides: Partial<NewComment> = {}): NewComment {
  const body = overrides.body ?? `comment ${++sequence}`
  return {
    slug: 'post-a',
    parentId: null,
    name: 'Ada',
    body,
    status: 'published',
    clientHash: 'client-1',
    bodyHash: hashBody(body),
    idempotencyKey: undefined,
    createdAt: at('2026-06-01T12:00:00Z'),
    ...overrides,
  }
}

for (const engine of engines) {
  describe.skipIf(engine.skip)(`comment store on ${engine.name}`, () => {
    let db: Db
    openDatabaseForSuite(engine, (opened) => (db = opened))

    it("counts a post's published comments, lists the newest published ones site-wide, and marks an edit", async () => {
      const first = await insertComment(
        db,
        row({ slug: 'counted', body: 'one', createdAt: at('2020-01-01T10:00:00Z') }),
      )
      await insertComment(
        db,
        row({ slug: 'counted', body: 'held', status: 'pending', createdAt: at('2020-01-01T11:00:00Z') }),
      )
      const last = await insertComment(
        db,
        row({ slug: 'counted-too', body: 'two', createdAt: at('2020-01-01T12:00:00Z') }),
      )
      expect(await countPublishedComments(db, 'counted')).toBe(1)
      expect(await countPublishedComments(db, 'nothing-here')).toBe(0)
      const recent = await listRecentPublishedComments(db, 1000)
      expect(recent.map((comment) => comment.id).filter((id) => id === first.id || id === last.id)).toEqual([
        last.id,
        first.id,
      ])
      expect(recent.every((comment) => comment.status === 'published')).toBe(true)
      const edited = await updateCommentText(db, first.id, {
        name: 'Ada',
        body: 'one, edited',
        bodyHash: hashBody('one, edited'),
        status: 'pending',
        editedAt: at('2020-01-01T10:05:00Z'),
      })
      expect(edited).toMatchObject({ body: 'one, edited', status: 'pending', editedAt: '2020-01-01T10:05:00.000Z' })
      expect(await countPublishedComments(db, 'counted')).toBe(0)
    })

    it('lists the published comments of one post, oldest first, with their times as ISO strings', async () => {
      const first = await insertComment(db, row({ slug: 'list', body: 'first', createdAt: at('2026-06-01T10:00:00Z') }))
      await insertComment(db, row({ slug: 'list', body: 'held', status: 'pending' }))
      await insertComment(db, row({ slug: 'list', body: 'bot', status: 'spam' }))
      await insertComment(db, row({ slug: 'other', body: 'elsewhere' }))
      await insertComment(db, row({ slug: 'list', body: 'second', createdAt: at('2026-06-01T11:00:00Z') }))
      const comments = await listVisibleComments(db, 'list')
      expect(comments.map((comment) => comment.body)).toEqual(['first', 'second'])
      expect(comments[0]).toEqual({
        id: first.id,
        slug: 'list',
        parentId: null,
        name: 'Ada',
        body: 'first',
        status: 'published',
        createdAt: '2026-06-01T10:00:00.000Z',
      })
    })

    it('lists a removed top-level comment while it has published replies, and drops it when it has none', async () => {
      const parent = await insertComment(db, row({ slug: 'deleting' }))
      const reply = await insertComment(db, row({ slug: 'deleting', parentId: parent.id }))
      const lonely = await insertComment(db, row({ slug: 'deleting' }))
      await setCommentStatus(db, parent.id, 'deleted')
      expect(await setCommentStatus(db, lonely.id, 'spam')).toMatchObject({
        id: lonely.id,
        slug: 'deleting',
        status: 'spam',
      })
      expect((await listVisibleComments(db, 'deleting')).map((comment) => [comment.id, comment.status])).toEqual([
        [parent.id, 'deleted'],
        [reply.id, 'published'],
      ])
      expect(await setCommentStatus(db, 999_999, 'deleted')).toBeUndefined()
    })

    it('finds a comment by its idempotency key, if stored since the given moment', async () => {
      const stored = await insertComment(
        db,
        row({ idempotencyKey: 'key-store', createdAt: at('2026-06-01T12:00:00Z') }),
      )
      expect(await findCommentByIdempotencyKey(db, 'key-store', at('2026-06-01T11:00:00Z'))).toEqual(stored)
      expect(await findCommentByIdempotencyKey(db, 'key-store', at('2026-06-01T12:00:00Z'))).toBeUndefined()
      expect(await findCommentByIdempotencyKey(db, 'no-such-key', at('2026-01-01T00:00:00Z'))).toBeUndefined()
    })

    it('forgets address hashes and idempotency keys older than their moments, and nothing newer', async () => {
      const old = await insertComment(
        db,
        row({ slug: 'forget', clientHash: 'c-old', idempotencyKey: 'k-old', createdAt: at('2026-05-03T00:00:00Z') }),
      )
      const recent = await insertComment(
        db,
        row({ slug: 'forget', clientHash: 'c-new', idempotencyKey: 'k-new', createdAt: at('2026-05-03T12:00:00Z') }),
      )
      const cleared = await forgetWriterData(db, {
        clientHash: at('2026-05-03T06:00:00Z'),
        idempotencyKey: at('2026-05-03T06:00:00Z'),
      })
      expect(cleared.clientHashes).toBeGreaterThanOrEqual(1)
      const rows = await db.query(
        'select id, client_hash, idempotency_key from comments where id = any($1) order by id',
        [[old.id, recent.id]],
      )
      expect(rows).toEqual([
        { id: old.id, client_hash: null, idempotency_key: null },
        { id: recent.id, client_hash: 'c-new', idempotency_key: 'k-new' },
      ])
    })

    it("counts comments since a moment: the client's in any status, the post's and site's in given ones", async () => {
      await insertComment(
        db,
        row({ slug: 'counted', clientHash: 'c-count', body: 'one', createdAt: at('2026-06-02T10:00:00Z') }),
      )
      await insertComment(db, row({ slug: 'counted', clientHash: 'c-other', createdAt: at('2026-06-02T10:05:00Z') }))
      await insertComment(db, row({ slug: 'elsewhere', clientHash: 'c-count', createdAt: at('2026-06-02T10:06:00Z') }))
      await insertComment(
        db,
        row({ slug: 'counted', clientHash: 'c-count', status: 'spam', createdAt: at('2026-06-02T10:07:00Z') }),
      )
      const counts = await countRecentComments(db, {
        clientHash: 'c-count',
        slug: 'counted',
        since: at('2026-06-02T09:59:00Z'),
        statuses: ['published'],
      })
      expect(counts).toEqual({
        client: { count: 3, oldest: at('2026-06-02T10:00:00Z') },
        post: { count: 2, oldest: at('2026-06-02T10:00:00Z') },
        site: { count: 3, oldest: at('2026-06-02T10:00:00Z') },
      })
      const spam = await countRecentComments(db, {
        clientHash: 'c-count',
        slug: 'counted',
        since: at('2026-06-02T09:59:00Z'),
        statuses: ['spam'],
      })
      expect([spam.post.count, spam.site.count]).toEqual([1, 1])
      const scope = { clientHash: 'c-count', slug: 'counted', bodyHash: hashBody('one') }
      expect(await hasRecentDuplicate(db, { ...scope, since: at('2026-06-02T09:59:00Z') })).toBe(true)
      expect(await hasRecentDuplicate(db, { ...scope, since: at('2026-06-02T10:00:00Z') })).toBe(false)
    })

    it('round-trips all comments to an empty db intact (ids, replies, statuses); reimporting skips all', async () => {
      const exported = await exportComments(db)
      expect(exported.length).toBeGreaterThan(5)
      const target = await openDb({ pgliteDir: 'memory://', poolMax: 1 })
      try {
        const first = await importComments(target, exported, hashBody)
        expect(first).toEqual({
          imported: exported.length,
          skipped: 0,
          slugs: expect.arrayContaining(['list', 'deleting', 'counted']),
        })
        expect(await exportComments(target)).toEqual(exported)
        expect(await importComments(target, exported, hashBody)).toEqual({
          imported: 0,
          skipped: exported.length,
          slugs: [],
        })
        // New comments get ids after the imported ones.
        const next = await insertComment(target, row({ slug: 'after-import' }))
        expect(next.id).toBeGreaterThan(Math.max(...exported.map((comment) => comment.id)))
      } finally {
        await target.close()
      }
    })
  })
}
